"""daemon 必须在 start() 之前设置；子进程已经启动后再设置，会抛 AssertionError。"""

import time
from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=time.sleep, args=(0.2,))
    p.start()
    print("已经 start() 了，现在才设置 daemon = True")
    p.daemon = True

# snippet: raises=AssertionError
