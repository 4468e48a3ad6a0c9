"""Cameras (face camera, document camera 高拍仪): OpenCV capture with a paced stream simulator."""
