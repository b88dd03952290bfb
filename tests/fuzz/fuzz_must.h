/*
 * What the proto harnesses check besides "no crash": abort() is how a
 * libFuzzer harness reports a finding, and a message that decodes must
 * re-encode to exactly the same bytes (the reader accepts nothing the
 * writer would not produce).
 */
#ifndef SAMENSPEL_FUZZ_MUST_H
#define SAMENSPEL_FUZZ_MUST_H

#include "proto/proto.h"

#include <stdlib.h>
#include <string.h>

static inline void must(int cond)
{
    if (!cond)
        abort();
}

/* in[0, len) decoded as a T by dec (with a NULL error) re-encodes through
 * enc into out (cap bytes) to the same bytes. */
#define MUST_ROUND_TRIP(T, dec, enc, in, len, out, cap)                                                            \
    do {                                                                                                             \
        T m_;                                                                                                        \
        if (dec((in), (len), &m_, NULL)) {                                                                           \
            size_t n_ = enc((out), (cap), &m_);                                                                      \
            must(n_ == (len) && !memcmp((out), (in), (len)));                                                      \
        }                                                                                                            \
    } while (0)

/* What a client may send the host: a HELLO of this protocol (the only one
 * whose bytes are fixed: another version's HELLO is refused, not read)
 * and an ACTION. */
static inline void must_round_trip_client_messages(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    proto_hello h;
    if (proto_decode_hello(in, len, &h, NULL) && h.magic == PROTO_MAGIC && h.version == PROTO_VERSION) {
        size_t n = proto_encode_hello(out, cap, &h);
        must(n == len && !memcmp(out, in, len));
    }
    MUST_ROUND_TRIP(proto_action, proto_decode_action, proto_encode_action, in, len, out, cap);
}

#endif
