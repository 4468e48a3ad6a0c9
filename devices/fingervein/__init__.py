"""The finger-vein scanner (指静脉仪): enrol and verify through the vendor SDK loaded by path (ctypes)."""
