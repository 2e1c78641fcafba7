import subprocess
import sys

SESSION = """\
from concurrent.futures import ProcessPoolExecutor
def square(x):
    return x * x

with ProcessPoolExecutor(1) as executor:
    print(list(executor.map(square, [1, 2, 3])))

"""

if __name__ == "__main__":
    run = subprocess.run([sys.executable, "-i", "-q", "-u"],
                         input=SESSION, timeout=10, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(run.stdout, end="")
