"""陷阱：ShareableList 按字符个数给 str 分配空间，中文的 UTF-8 编码放不下，读出时报错。"""

from multiprocessing.shared_memory import ShareableList

# bytes 按字节数分配空间：自己 encode()/decode() 就没有问题
as_bytes = ShareableList(["等待中".encode()])
print(f"存 bytes：{as_bytes[0].decode()}")
as_bytes.shm.close()
as_bytes.shm.unlink()

# str：3 个字符只分到 8 字节，而 UTF-8 编码要 9 字节，最后一个字被截断
as_str = ShareableList(["等待中"])
try:
    print(f"存 str：{as_str[0]}")
finally:
    as_str.shm.close()
    as_str.shm.unlink()

# snippet: raises=UnicodeDecodeError
