/* web_frames: message checks and stream cutting of the relay (see web_frames.h). */
#include "web/web_frames.h"

#include <stdlib.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

web_msg_status web_msg_add(web_msg *m, bool binary, const uint8_t *frag, size_t len, bool last)
{
    if (!binary || len > sizeof m->buf - m->len)
        return WEB_MSG_BAD;
    if (len)
        memcpy(m->buf + m->len, frag, len);
    m->len += len;
    if (!last)
        return WEB_MSG_MORE;
    /* One message = exactly one frame: its length field must agree, and an
     * empty payload is no frame (the host would drop the peer for it). */
    if (m->len < 5 || be32(m->buf) != m->len - 4)
        return WEB_MSG_BAD;
    return WEB_MSG_FRAME;
}

bool web_stream_feed(web_stream *s, const uint8_t *in, size_t len,
                     bool (*emit)(void *ctx, const uint8_t *frame, size_t len), void *ctx)
{
    if (len > s->cap - s->len) {
        size_t cap = s->cap ? s->cap : 8192;
        while (cap < s->len + len)
            cap *= 2;
        /* more than two whole frames buffered means the browser is not
         * reading (or the stream is broken) */
        if (cap > 2 * WEB_HOST_FRAME + 65536)
            return false;
        unsigned char *nb = realloc(s->buf, cap);
        if (!nb)
            return false;
        s->buf = nb;
        s->cap = cap;
    }
    if (len)
        memcpy(s->buf + s->len, in, len);
    s->len += len;
    size_t off = 0;
    bool ok = true;
    while (s->len - off >= 4) {
        uint32_t fl = be32(s->buf + off);
        if (fl == 0 || fl > WEB_HOST_FRAME - 4) {
            ok = false;
            break;
        }
        if (s->len - off < 4u + fl)
            break;
        if (!emit(ctx, s->buf + off, 4u + fl)) {
            ok = false;
            break;
        }
        off += 4u + fl;
    }
    /* nothing consumed (or nothing buffered yet, buf still NULL): no move */
    if (off > 0) {
        memmove(s->buf, s->buf + off, s->len - off);
        s->len -= off;
    }
    return ok;
}

void web_stream_free(web_stream *s)
{
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
}
