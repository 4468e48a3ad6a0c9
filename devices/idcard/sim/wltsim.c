/* A simulated vendor WLT photo decoder with the widely deployed ABI of libwlt.so / WltRS.dll:
 *
 *     int unpack(char *wlt, char *bmp, int bmp_save);
 *
 * wlt: the card's 1,024-byte photo; bmp: receives a 38,862-byte 24-bit BMP of 102 x 126 pixels (54-byte header,
 * bottom-up rows of 306 bytes padded to 308); bmp_save: nonzero asks the vendor library to also write a file
 * (this simulator writes no files and refuses). Returns 1 on success.
 *
 * Real WLT is proprietary, so this library cannot decode real cards. It decodes the simulator payload instead:
 *
 *     offset   0  "KIOSK-SIM-WLT\0"                    14 bytes
 *     offset  14  34 x 42 pixels, 4-bit grey, rows top  714 bytes (two pixels a byte, the left one in the high
 *                 to bottom                                      nibble)
 *     offset 728  CRC-32 (zlib's) of bytes 0..727,      4 bytes
 *                 big-endian
 *     offset 732  zero padding to 1,024                 292 bytes
 *
 * Each pixel becomes a 3 x 3 block of grey (value * 17) in the 102 x 126 output. Anything else is rejected with a
 * negative code, as a real decoder rejects corrupt data, so the driver's error handling runs for real.
 * Built by devices/idcard/sim.py (build_wlt_library) with -fvisibility=hidden: only unpack is exported.
 */
#include <stdint.h>
#include <string.h>

#define WLT_BYTES 1024
#define MAGIC "KIOSK-SIM-WLT"
#define MAGIC_BYTES 14 /* with its terminating NUL */
#define SRC_W 34
#define SRC_H 42
#define PIXEL_BYTES (SRC_W * SRC_H / 2)
#define CRC_OFFSET (MAGIC_BYTES + PIXEL_BYTES)
#define PAYLOAD_END (CRC_OFFSET + 4)
#define SCALE 3
#define BMP_W (SRC_W * SCALE)
#define BMP_H (SRC_H * SCALE)
#define BMP_HEADER 54
#define BMP_STRIDE (((BMP_W * 3) + 3) & ~3)
#define BMP_BYTES (BMP_HEADER + BMP_STRIDE * BMP_H)

enum {
    UNPACK_OK = 1,
    UNPACK_NULL = -1,       /* a NULL buffer */
    UNPACK_NOT_SIM = -2,    /* not a simulator payload (a real WLT photo, or zeros) */
    UNPACK_CORRUPT = -3,    /* the checksum does not match */
    UNPACK_PADDING = -4,    /* bytes after the payload are not zero */
    UNPACK_NO_SAVE = -5,    /* bmp_save asked for a file: the simulator writes none */
};

static uint32_t crc32_ieee(const unsigned char *data, size_t length) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < length; i++) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

static void put16(unsigned char *at, uint16_t value) {
    at[0] = (unsigned char)(value & 0xFF);
    at[1] = (unsigned char)(value >> 8);
}

static void put32(unsigned char *at, uint32_t value) {
    for (int i = 0; i < 4; i++) {
        at[i] = (unsigned char)((value >> (8 * i)) & 0xFF);
    }
}

__attribute__((visibility("default"))) int unpack(char *wlt, char *bmp, int bmp_save) {
    if (wlt == NULL || bmp == NULL) {
        return UNPACK_NULL;
    }
    if (bmp_save != 0) {
        return UNPACK_NO_SAVE;
    }
    const unsigned char *in = (const unsigned char *)wlt;
    unsigned char *out = (unsigned char *)bmp;
    if (memcmp(in, MAGIC, MAGIC_BYTES) != 0) {
        return UNPACK_NOT_SIM;
    }
    uint32_t stored = ((uint32_t)in[CRC_OFFSET] << 24) | ((uint32_t)in[CRC_OFFSET + 1] << 16) |
                      ((uint32_t)in[CRC_OFFSET + 2] << 8) | (uint32_t)in[CRC_OFFSET + 3];
    if (crc32_ieee(in, CRC_OFFSET) != stored) {
        return UNPACK_CORRUPT;
    }
    for (int i = PAYLOAD_END; i < WLT_BYTES; i++) {
        if (in[i] != 0) {
            return UNPACK_PADDING;
        }
    }

    /* BITMAPFILEHEADER + BITMAPINFOHEADER: 24 bits, uncompressed, positive height (bottom-up rows). */
    memset(out, 0, BMP_BYTES);
    out[0] = 'B';
    out[1] = 'M';
    put32(out + 2, BMP_BYTES);
    put32(out + 10, BMP_HEADER);
    put32(out + 14, 40);
    put32(out + 18, BMP_W);
    put32(out + 22, BMP_H);
    put16(out + 26, 1);
    put16(out + 28, 24);
    put32(out + 34, BMP_STRIDE * BMP_H);
    put32(out + 38, 2835); /* 72 dpi, as vendor decoders write */
    put32(out + 42, 2835);

    const unsigned char *pixels = in + MAGIC_BYTES;
    for (int y = 0; y < BMP_H; y++) {
        unsigned char *row = out + BMP_HEADER + (size_t)(BMP_H - 1 - y) * BMP_STRIDE;
        int sy = y / SCALE;
        for (int x = 0; x < BMP_W; x++) {
            int index = sy * SRC_W + x / SCALE;
            unsigned char packed = pixels[index / 2];
            unsigned char grey = (unsigned char)(((index % 2) ? (packed & 0x0F) : (packed >> 4)) * 17);
            row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = grey;
        }
    }
    return UNPACK_OK;
}
