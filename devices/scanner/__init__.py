"""QR and barcode scanners: serial line scanners (a camera decoder joins with the camera driver)."""
