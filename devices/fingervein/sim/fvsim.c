/*
 * A simulated finger-vein module that IS a vendor SDK: it implements the ABI in ../sdk.h, so the kiosk's real
 * ctypes driver loads it by path exactly as it loads a vendor's library.
 *
 * The module holds a virtual finger. Extra functions, exported only by this simulator, let tests and the
 * sim-mode terminal act on it through the same loaded library:
 *   FVSIM_PlaceFinger(id)  a finger (any id >= 0) lies on the sensor
 *   FVSIM_RemoveFinger()   the sensor is empty
 *   FVSIM_Unplug()         the module disappears; the open handle stays dead until closed and reopened
 *   FVSIM_Replug()         the module is back (FV_OpenDevice finds it again)
 *   FVSIM_SetFault(f, n)   misbehave for the next n affected calls (n < 0: until FVSIM_FAULT_NONE is set)
 *   FVSIM_OpenAttempts()   how many times FV_OpenDevice was called (to observe reconnect backoff)
 *
 * A capture's template is the finger's fixed 4096-bit pattern (derived from its id) with about 3 % of the bits
 * flipped at random, as two scans of one finger never agree exactly; FV_Match scores bit agreement, so scans of
 * one finger score about 88 and scans of different fingers about 0.
 *
 * Build: gcc -shared -fPIC -O2 -pthread -I.. fvsim.c -o libfvsim.so  (devices/fingervein/sim.py does this).
 */
#define _POSIX_C_SOURCE 200809L
#define FV_API __attribute__((visibility("default")))

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "sdk.h"

#define FVSIM_FAULT_NONE 0
#define FVSIM_FAULT_TIMEOUT 1     /* FV_Capture waits its whole timeout and reports FV_ERR_TIMEOUT */
#define FVSIM_FAULT_BAD_QUALITY 2 /* FV_Capture reports FV_ERR_BAD_QUALITY */
#define FVSIM_FAULT_GARBAGE 3     /* FV_Capture returns FV_OK with random bytes instead of a template */
#define FVSIM_FAULT_BAD_LENGTH 4  /* FV_Capture returns FV_OK claiming more bytes than the buffer holds */
#define FVSIM_FAULT_HANG 5        /* FV_Capture ignores its timeout until the fault is changed (max 10 s) */
#define FVSIM_FAULT_BAD_STATUS 6  /* FV_GetStatus returns an undocumented negative code */
#define FVSIM_FAULT_MAX 6

#define MAGIC "FVS1"
#define FEATURE_BYTES 512
#define FEATURE_BITS (FEATURE_BYTES * 8)
#define HEADER_BYTES 8
#define TEMPLATE_BYTES (HEADER_BYTES + FEATURE_BYTES + 4) /* header, features, FNV-1a checksum */
#define NOISE_PER_MILLE 30
#define POLL_NS 5000000L /* 5 ms between looks at the virtual sensor while waiting */
#define HANG_MAX_MS 10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int initialised;
static int plugged = 1;
static unsigned generation = 1; /* bumped by every unplug: an older open handle is dead */
static unsigned open_generation; /* 0: nothing open */
static int finger = -1;          /* -1: no finger */
static int fault = FVSIM_FAULT_NONE;
static int fault_left;           /* calls still affected; < 0: until changed */
static unsigned fault_serial;    /* bumped by every FVSIM_SetFault, ends a hang */
static int open_attempts;
static uint64_t noise_state = 0x9E3779B97F4A7C15ULL;

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static uint32_t fnv1a(const unsigned char *data, int len) {
    uint32_t hash = 2166136261u;
    for (int i = 0; i < len; i++) {
        hash = (hash ^ data[i]) * 16777619u;
    }
    return hash;
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void pause_briefly(void) {
    struct timespec ts = {0, POLL_NS};
    nanosleep(&ts, NULL);
}

/* Caller holds the lock: whether the open handle still reaches a module. */
static int handle_alive(void) { return plugged && open_generation == generation; }

/* Caller holds the lock: consume one use of the current fault if it is `kind`. */
static int take_fault(int kind) {
    if (fault != kind) {
        return 0;
    }
    if (fault_left > 0 && --fault_left == 0) {
        fault = FVSIM_FAULT_NONE;
    }
    return 1;
}

static int template_valid(const unsigned char *t, int len) {
    if (len != TEMPLATE_BYTES || memcmp(t, MAGIC, 4) != 0) {
        return 0;
    }
    uint32_t stored = (uint32_t)t[TEMPLATE_BYTES - 4] | (uint32_t)t[TEMPLATE_BYTES - 3] << 8 |
                      (uint32_t)t[TEMPLATE_BYTES - 2] << 16 | (uint32_t)t[TEMPLATE_BYTES - 1] << 24;
    return stored == fnv1a(t, TEMPLATE_BYTES - 4);
}

/* Caller holds the lock: one scan of finger `id`. */
static void make_template(int id, unsigned char *out) {
    uint64_t pattern = 0xF1D0000000000000ULL ^ (uint64_t)id;
    memset(out, 0, TEMPLATE_BYTES);
    memcpy(out, MAGIC, 4);
    out[4] = (unsigned char)(80 + splitmix64(&noise_state) % 20); /* image quality, 0..100 */
    unsigned char *features = out + HEADER_BYTES;
    for (int i = 0; i < FEATURE_BYTES; i += 8) {
        uint64_t word = splitmix64(&pattern);
        memcpy(features + i, &word, 8);
    }
    for (int bit = 0; bit < FEATURE_BITS; bit++) {
        if (splitmix64(&noise_state) % 1000 < NOISE_PER_MILLE) {
            features[bit / 8] ^= (unsigned char)(1u << (bit % 8));
        }
    }
    uint32_t sum = fnv1a(out, TEMPLATE_BYTES - 4);
    for (int i = 0; i < 4; i++) {
        out[TEMPLATE_BYTES - 4 + i] = (unsigned char)(sum >> (8 * i));
    }
}

/* ------------------------------------------------------------------------------------------- the SDK ABI */

FV_API int FV_Init(void) {
    pthread_mutex_lock(&lock);
    initialised = 1;
    pthread_mutex_unlock(&lock);
    return FV_OK;
}

FV_API int FV_OpenDevice(int index) {
    int rc = FV_OK;
    pthread_mutex_lock(&lock);
    open_attempts++;
    if (!initialised) {
        rc = FV_ERR_NOT_INIT;
    } else if (index < 0) {
        rc = FV_ERR_INVALID_PARAM;
    } else if (open_generation != 0) {
        rc = FV_ERR_BUSY;
    } else if (!plugged || index != 0) { /* one simulated module, at index 0 */
        rc = FV_ERR_NO_DEVICE;
    } else {
        open_generation = generation;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

FV_API int FV_CloseDevice(void) {
    pthread_mutex_lock(&lock);
    int rc = initialised ? FV_OK : FV_ERR_NOT_INIT;
    open_generation = 0;
    pthread_mutex_unlock(&lock);
    return rc;
}

FV_API int FV_GetStatus(void) {
    int rc;
    pthread_mutex_lock(&lock);
    if (!initialised) {
        rc = FV_ERR_NOT_INIT;
    } else if (open_generation == 0) {
        rc = FV_ERR_NOT_OPEN;
    } else if (!handle_alive()) {
        rc = FV_ERR_NO_DEVICE;
    } else if (take_fault(FVSIM_FAULT_BAD_STATUS)) {
        rc = -77; /* undocumented: the driver must log and drop it */
    } else {
        rc = FV_STATUS_READY | (finger >= 0 ? FV_STATUS_FINGER : 0);
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

FV_API int FV_Capture(unsigned char *tmpl, int *len, int timeout_ms) {
    if (tmpl == NULL || len == NULL || timeout_ms < 0) {
        return FV_ERR_INVALID_PARAM;
    }
    pthread_mutex_lock(&lock);
    if (!initialised || open_generation == 0 || !handle_alive()) {
        int rc = !initialised ? FV_ERR_NOT_INIT : open_generation == 0 ? FV_ERR_NOT_OPEN : FV_ERR_NO_DEVICE;
        pthread_mutex_unlock(&lock);
        return rc;
    }
    if (*len < TEMPLATE_BYTES) {
        *len = TEMPLATE_BYTES;
        pthread_mutex_unlock(&lock);
        return FV_ERR_BUFFER_TOO_SMALL;
    }
    int active = FVSIM_FAULT_NONE;
    for (int kind = 1; kind <= FVSIM_FAULT_MAX; kind++) {
        if (kind != FVSIM_FAULT_BAD_STATUS && take_fault(kind)) {
            active = kind;
        }
    }
    unsigned serial = fault_serial;
    pthread_mutex_unlock(&lock);

    long long start = now_ms();
    if (active == FVSIM_FAULT_HANG) {
        /* A wedged vendor library: ignores timeout_ms until the test changes the fault. */
        for (;;) {
            pthread_mutex_lock(&lock);
            int released = fault_serial != serial;
            pthread_mutex_unlock(&lock);
            if (released || now_ms() - start > HANG_MAX_MS) {
                return FV_ERR_TIMEOUT;
            }
            pause_briefly();
        }
    }
    for (;;) {
        pthread_mutex_lock(&lock);
        if (!handle_alive()) {
            pthread_mutex_unlock(&lock);
            return FV_ERR_NO_DEVICE;
        }
        if (finger >= 0 && active != FVSIM_FAULT_TIMEOUT) {
            break; /* still locked */
        }
        pthread_mutex_unlock(&lock);
        if (now_ms() - start >= timeout_ms) {
            return timeout_ms == 0 && active != FVSIM_FAULT_TIMEOUT ? FV_ERR_NO_FINGER : FV_ERR_TIMEOUT;
        }
        pause_briefly();
    }
    int rc = FV_OK;
    if (active == FVSIM_FAULT_BAD_QUALITY) {
        rc = FV_ERR_BAD_QUALITY;
    } else if (active == FVSIM_FAULT_GARBAGE) {
        for (int i = 0; i < TEMPLATE_BYTES; i += 8) {
            uint64_t word = splitmix64(&noise_state);
            memcpy(tmpl + i, &word, TEMPLATE_BYTES - i < 8 ? (size_t)(TEMPLATE_BYTES - i) : 8);
        }
        *len = TEMPLATE_BYTES;
    } else if (active == FVSIM_FAULT_BAD_LENGTH) {
        make_template(finger, tmpl);
        *len = *len + 1000;
    } else {
        make_template(finger, tmpl);
        *len = TEMPLATE_BYTES;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

FV_API int FV_Match(const unsigned char *a, int alen, const unsigned char *b, int blen, int *score) {
    if (a == NULL || b == NULL || score == NULL || alen <= 0 || blen <= 0) {
        return FV_ERR_INVALID_PARAM;
    }
    pthread_mutex_lock(&lock);
    int ready = initialised;
    pthread_mutex_unlock(&lock);
    if (!ready) {
        return FV_ERR_NOT_INIT;
    }
    if (!template_valid(a, alen) || !template_valid(b, blen)) {
        return FV_ERR_BAD_TEMPLATE;
    }
    int differ = 0;
    for (int i = 0; i < FEATURE_BYTES; i++) {
        differ += __builtin_popcount((unsigned)(a[HEADER_BYTES + i] ^ b[HEADER_BYTES + i]));
    }
    /* Unrelated patterns agree on half the bits: map agreement 50 % .. 100 % onto 0 .. FV_SCORE_MAX. */
    int agree = FEATURE_BITS - differ;
    int value = (agree - FEATURE_BITS / 2) * FV_SCORE_MAX / (FEATURE_BITS / 2);
    *score = value < 0 ? 0 : value;
    return FV_OK;
}

FV_API int FV_GetVersion(char *buf, int len) {
    static const char version[] = "FVSIM 1.0 (simulated finger-vein module, firmware 0.0)";
    if (buf == NULL || len <= 0) {
        return FV_ERR_INVALID_PARAM;
    }
    if (len < (int)sizeof version) {
        return FV_ERR_BUFFER_TOO_SMALL;
    }
    memcpy(buf, version, sizeof version);
    return FV_OK;
}

/* ------------------------------------------------------------------------------ simulator controls */

FV_API void FVSIM_PlaceFinger(int finger_id) {
    pthread_mutex_lock(&lock);
    finger = finger_id < 0 ? -1 : finger_id;
    pthread_mutex_unlock(&lock);
}

FV_API void FVSIM_RemoveFinger(void) { FVSIM_PlaceFinger(-1); }

FV_API void FVSIM_Unplug(void) {
    pthread_mutex_lock(&lock);
    plugged = 0;
    generation++;
    pthread_mutex_unlock(&lock);
}

FV_API void FVSIM_Replug(void) {
    pthread_mutex_lock(&lock);
    plugged = 1;
    pthread_mutex_unlock(&lock);
}

FV_API int FVSIM_SetFault(int kind, int count) {
    if (kind < FVSIM_FAULT_NONE || kind > FVSIM_FAULT_MAX || count == 0) {
        return FV_ERR_INVALID_PARAM;
    }
    pthread_mutex_lock(&lock);
    fault = kind;
    fault_left = count;
    fault_serial++;
    pthread_mutex_unlock(&lock);
    return FV_OK;
}

FV_API int FVSIM_OpenAttempts(void) {
    pthread_mutex_lock(&lock);
    int n = open_attempts;
    pthread_mutex_unlock(&lock);
    return n;
}
