/*
 * Finger-vein module SDK: the C ABI that the kiosk's driver (devices/fingervein/sdk_driver.py) loads by path.
 *
 * Modelled on the SDKs that finger-vein module vendors ship: one shared library, a handful of FV_* functions,
 * negative error codes. A vendor library with other names or conventions is wrapped by a thin shim library that
 * exports exactly these functions; the simulator (sim/fvsim.c) implements them too.
 *
 * Conventions
 *  - Every function returns int: >= 0 is success (FV_OK unless documented otherwise), < 0 is one FV_ERR_* code.
 *    A caller treats any other negative value as an SDK fault and reports the number.
 *  - The library is NOT thread-safe: callers serialise every call (the driver makes all calls from one thread).
 *  - At most one module is open per process.
 *  - Templates are opaque vendor bytes, 1 .. FV_TEMPLATE_MAX long. The caller owns every buffer; the library
 *    keeps no pointer after a call returns and keeps no template after FV_Capture returns (biometric data).
 *  - Calls that wait (FV_Capture) take timeout_ms and return within it plus the time of one scan (< 1 s).
 *  - Matching is done on the host: FV_Match needs FV_Init but no open module.
 */
#ifndef FV_SDK_H
#define FV_SDK_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef FV_API
#define FV_API /* the vendor's export attribute, e.g. __attribute__((visibility("default"))) */
#endif

/* The largest template any module produces: a caller's capture buffer of this size is always enough. */
#define FV_TEMPLATE_MAX 2048

/* FV_Match scores run from 0 (nothing in common) to FV_SCORE_MAX (identical). */
#define FV_SCORE_MAX 100

/* Bits of FV_GetStatus's result. Undefined bits are reserved and must be ignored. */
#define FV_STATUS_READY 0x01  /* the sensor is powered and idle */
#define FV_STATUS_FINGER 0x02 /* a finger lies on the sensor */

/* Return codes. */
#define FV_OK 0
#define FV_ERR_NOT_INIT (-1)         /* FV_Init has not been called (or failed) */
#define FV_ERR_NO_DEVICE (-2)        /* no module at that index, or the open module was lost (unplugged) */
#define FV_ERR_NOT_OPEN (-3)         /* the call needs an open module: FV_OpenDevice first */
#define FV_ERR_BUSY (-4)             /* a module is already open: FV_CloseDevice first */
#define FV_ERR_TIMEOUT (-5)          /* no finger was placed within timeout_ms */
#define FV_ERR_NO_FINGER (-6)        /* timeout_ms was 0 and no finger lies on the sensor */
#define FV_ERR_BAD_QUALITY (-7)      /* the vein image is unusable: finger misplaced, moving, too dry or cold */
#define FV_ERR_BAD_TEMPLATE (-8)     /* a template given to FV_Match is not a valid template of this SDK */
#define FV_ERR_BUFFER_TOO_SMALL (-9) /* the caller's buffer is too small; *len (if any) says how much is needed */
#define FV_ERR_INVALID_PARAM (-10)   /* a NULL pointer, a negative length, index or timeout */
#define FV_ERR_COMM (-11)            /* the USB transfer to the module failed; reopening the module may help */
#define FV_ERR_INTERNAL (-12)        /* anything else inside the library */

/*
 * Initialise the library. Idempotent; must precede every other call.
 * Returns FV_OK or FV_ERR_INTERNAL.
 */
FV_API int FV_Init(void);

/*
 * Open module number `index` (0 = the first one found). The bus is scanned on every call, so a module that was
 * unplugged and plugged back in is found again.
 * Returns FV_OK, FV_ERR_NOT_INIT, FV_ERR_INVALID_PARAM (index < 0), FV_ERR_NO_DEVICE (no module at index),
 * FV_ERR_BUSY (a module is already open), FV_ERR_COMM.
 */
FV_API int FV_OpenDevice(int index);

/*
 * Close the open module, including one that was lost. Closing when nothing is open is not an error.
 * Returns FV_OK or FV_ERR_NOT_INIT.
 */
FV_API int FV_CloseDevice(void);

/*
 * The open module's status without waiting: a combination of FV_STATUS_* bits (>= 0).
 * Returns the bits, or FV_ERR_NOT_INIT, FV_ERR_NOT_OPEN, FV_ERR_NO_DEVICE (the module was lost: close it and
 * open it again once it is back), FV_ERR_COMM.
 */
FV_API int FV_GetStatus(void);

/*
 * Wait up to timeout_ms for a finger, scan it and write its template to tmpl.
 * *len: in, the capacity of tmpl in bytes; out, the template's length (1 .. FV_TEMPLATE_MAX).
 * timeout_ms 0 scans only if a finger already lies on the sensor.
 * Returns FV_OK, FV_ERR_NOT_INIT, FV_ERR_NOT_OPEN, FV_ERR_INVALID_PARAM (NULL pointer, timeout_ms < 0),
 * FV_ERR_BUFFER_TOO_SMALL (*len is set to the size needed), FV_ERR_TIMEOUT, FV_ERR_NO_FINGER,
 * FV_ERR_BAD_QUALITY, FV_ERR_NO_DEVICE (lost, also while waiting), FV_ERR_COMM.
 */
FV_API int FV_Capture(unsigned char *tmpl, int *len, int timeout_ms);

/*
 * Compare two templates; *score is set to 0 .. FV_SCORE_MAX (the caller applies its own threshold).
 * Returns FV_OK, FV_ERR_NOT_INIT, FV_ERR_INVALID_PARAM (NULL pointer, length <= 0), FV_ERR_BAD_TEMPLATE.
 */
FV_API int FV_Match(const unsigned char *a, int alen, const unsigned char *b, int blen, int *score);

/*
 * The library's (and, when a module is open, the module firmware's) version as NUL-terminated ASCII.
 * Returns FV_OK, FV_ERR_INVALID_PARAM (NULL buf, len <= 0), FV_ERR_BUFFER_TOO_SMALL.
 */
FV_API int FV_GetVersion(char *buf, int len);

#ifdef __cplusplus
}
#endif

#endif /* FV_SDK_H */
