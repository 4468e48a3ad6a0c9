"""The service hub terminals talk to: the API (/api/v1), the clerks' console (/clerk/) and `kiosk hub`."""
