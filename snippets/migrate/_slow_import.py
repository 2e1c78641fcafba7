"""导入要 0.3 秒的模块：代替 numpy、torch 这类导入很慢的大型库。"""

import time

time.sleep(0.3)
