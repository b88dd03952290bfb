/*
 * libFuzzer harness for incremental framing: a TCP stream arrives in pieces
 * of any size, and the receiver (net_conn_read/net_conn_next) keeps a
 * buffer of max frame + header bytes, compacts it and asks proto_frame_next
 * for the next frame after every read. Whatever the cut, the frames found
 * must be exactly those found in the whole stream at once, every payload
 * must lie inside the buffer, and a stream the whole-buffer pass rejects
 * (too large, empty frame) must be rejected at the same frame. Both the
 * host's limit (2 KiB from clients) and the client's (256 KiB from the
 * host) are checked; the first two bytes choose the read sizes.
 */
#include "proto/proto.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must(int cond)
{
    if (!cond)
        abort();
}

typedef struct {
    size_t n;                 /* frames found */
    uint64_t digest;          /* over every payload, in order */
    int end;                  /* 0 need more, 2 too large, 3 empty */
} frames;

static uint64_t mix(uint64_t h, const uint8_t *p, size_t n)
{
    h ^= n * 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static frames whole(const uint8_t *s, size_t n, size_t max)
{
    frames f = {0, 1469598103934665603ull, 0};
    size_t off = 0;
    for (;;) {
        const uint8_t *pl;
        size_t plen, used;
        proto_frame_status st = proto_frame_next(s + off, n - off, max, &pl, &plen, &used);
        if (st != PROTO_FRAME_OK) {
            f.end = st == PROTO_FRAME_TOO_LARGE ? 2 : st == PROTO_FRAME_EMPTY ? 3 : 0;
            return f;
        }
        must(pl >= s + off && plen <= max && pl + plen <= s + n && used == plen + PROTO_HEADER_LEN);
        f.digest = mix(f.digest, pl, plen);
        f.n++;
        off += used;
    }
}

/* The receiver's loop, as net.c runs it, with reads of the given sizes. */
static frames pieces(const uint8_t *s, size_t n, size_t max, size_t r1, size_t r2)
{
    frames f = {0, 1469598103934665603ull, 0};
    size_t cap = max + PROTO_HEADER_LEN;
    uint8_t *buf = malloc(cap);
    must(buf != NULL);
    size_t len = 0, pos = 0, in = 0, k = 0;
    for (;;) {
        /* next frame from what is buffered */
        const uint8_t *pl;
        size_t plen, used;
        proto_frame_status st = proto_frame_next(buf + pos, len - pos, max, &pl, &plen, &used);
        if (st == PROTO_FRAME_OK) {
            must(pl >= buf + pos && pl + plen <= buf + len && used == plen + PROTO_HEADER_LEN);
            f.digest = mix(f.digest, pl, plen);
            f.n++;
            pos += used;
            continue;
        }
        if (st != PROTO_FRAME_NEED_MORE) {
            f.end = st == PROTO_FRAME_TOO_LARGE ? 2 : 3;
            break;
        }
        if (in == n)
            break;
        /* read: compact, then at most the free space */
        memmove(buf, buf + pos, len - pos);
        len -= pos;
        pos = 0;
        must(len < cap); /* a frame that fits never fills the buffer without completing */
        size_t want = (k++ % 2 ? r2 : r1);
        if (want > cap - len)
            want = cap - len;
        if (want > n - in)
            want = n - in;
        memcpy(buf + len, s + in, want);
        len += want;
        in += want;
    }
    free(buf);
    return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t r1 = (size_t)data[0] + 1, r2 = (size_t)data[1] * 37u + 1;
    data += 2;
    size -= 2;
    static const size_t limits[2] = {PROTO_MAX_CLIENT_FRAME, PROTO_MAX_FRAME};
    for (int i = 0; i < 2; i++) {
        frames a = whole(data, size, limits[i]);
        frames b = pieces(data, size, limits[i], r1, r2);
        must(a.n == b.n && a.digest == b.digest && a.end == b.end);
    }
    return 0;
}
