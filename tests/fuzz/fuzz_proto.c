/*
 * libFuzzer harness for every decoder of outside bytes in proto (what a
 * peer or a LAN stranger can send). Besides "no crash", it checks that a
 * message that decodes re-encodes to exactly the same bytes: the reader
 * accepts nothing the writer would not produce.
 */
#include "fuzz_must.h"
#include "proto/proto.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t out[PROTO_MAX_FRAME];
    static core_scenario sc;
    static proto_update upd;

    /* the frame splitter over the raw stream */
    const uint8_t *pl;
    size_t plen, used, off = 0;
    while (off < size &&
           proto_frame_next(data + off, size - off, PROTO_MAX_CLIENT_FRAME, &pl, &plen, &used) == PROTO_FRAME_OK) {
        must(used <= size - off && plen + PROTO_HEADER_LEN == used);
        off += used;
    }

    must_round_trip_client_messages(data, size, out, sizeof out);
    MUST_ROUND_TRIP(proto_lobby, proto_decode_lobby, proto_encode_lobby, data, size, out, sizeof out);
    MUST_ROUND_TRIP(proto_reject, proto_decode_reject, proto_encode_reject, data, size, out, sizeof out);
    if (proto_decode_update(data, size, &upd, NULL)) {
        size_t n = proto_encode_update(out, sizeof out, upd.tick, &upd.events, upd.view_kind, &upd.view,
                                       &upd.view.pub);
        must(n == size && !memcmp(out, data, size));
    }
    proto_welcome w;
    if (proto_decode_welcome(data, size, &w, &sc, NULL)) {
        (void)proto_view_fits(&sc, &upd.view, true, NULL);
        (void)proto_events_fit(&sc, sc.n_seats, &upd.events, NULL);
    }
    MUST_ROUND_TRIP(proto_event, proto_decode_event, proto_encode_event, data, size, out, sizeof out);
    proto_result res;
    (void)proto_decode_result(data, size, &res, NULL);
    proto_fact f;
    (void)proto_decode_fact(data, size, &f, NULL);
    proto_ping p;
    (void)proto_decode_ping(data, size, PROTO_MSG_PING, &p, NULL);
    proto_reject_code rc;
    (void)proto_decode_bye(data, size, &rc, NULL);
    proto_discovery_reply dr;
    if (proto_decode_discovery_reply(data, size, &dr))
        must(size < PROTO_DISCOVERY_QUERY_LEN);
    (void)proto_decode_discovery_query(data, size);
    return 0;
}
