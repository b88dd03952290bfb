/*
 * proto: the wire format of Samenspel's LAN play (see PROTOCOL.md, which is
 * the reference; this header mirrors it). No SDL, no sockets: bytes in,
 * structs out. Every message is declared once in the table of
 * proto_messages.h; its codecs and direction checks are generated from it.
 *
 * Reading is done with a bounds-checked reader with a sticky failure flag:
 * every field read past the end, every count larger than the array it fills
 * or than the bytes left, every out-of-range value and every trailing byte
 * makes the whole message invalid (the Chocolate Doom CVE-2020-14983 class
 * is designed out: a peer-sent count is never a loop bound unchecked).
 */
#ifndef SAMENSPEL_PROTO_H
#define SAMENSPEL_PROTO_H

#include "core/core.h"
#include "proto/proto_messages.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROTO_MAGIC 0x53504C31u         /* "SPL1" */
#define PROTO_VERSION 4 /* 2: the round each shared fact was shared in; 3: role badges; 4: rules v2 (issue #12) */
#define PROTO_HEADER_LEN 4              /* u32 big-endian payload length */
#define PROTO_MAX_FRAME (256u * 1024u)  /* host -> client payload, hard max */
#define PROTO_MAX_CLIENT_FRAME 2048u    /* client -> host payload, hard max */
#define PROTO_BUILD_LEN 32
#define PROTO_CODE_LEN 5
#define PROTO_NAME_LEN 48
#define PROTO_ROLE_LEN 40
#define PROTO_TOKEN_LEN 16
#define PROTO_REASON_LEN 200
#define PROTO_TITLE_LEN 96

#define PROTO_DISCOVERY_QUERY_LEN 64    /* the query is padded to this size */
#define PROTO_DISCOVERY_REPLY_MAX 56    /* always smaller than the query */
#define PROTO_DISCOVERY_QMAGIC 0x53504C51u /* "SPLQ" */
#define PROTO_DISCOVERY_RMAGIC 0x53504C52u /* "SPLR" */

/* The message types, from the table in proto_messages.h. */
#define PROTO_MSG_ENUM(type, NAME, ...) PROTO_MSG_##NAME = type,
typedef enum {
    PROTO_MESSAGES(PROTO_MSG_ENUM)
    PROTO_MSG_COUNT
} proto_msg_type;
#undef PROTO_MSG_ENUM

/* Who sends a message (a bit each, so EITHER is both). */
typedef enum {
    PROTO_SENDER_CLIENT = 1,
    PROTO_SENDER_HOST = 2,
    PROTO_SENDER_EITHER = 3
} proto_sender;

/* When a message may come (see proto_messages.h). */
typedef enum {
    PROTO_STAGE_OPEN,
    PROTO_STAGE_EARLY,
    PROTO_STAGE_SESSION
} proto_stage;

/* What the table says about one message type (NULL for an unknown type). */
typedef struct {
    const char *name;
    proto_sender sender;
    proto_stage stage;
} proto_msg_info;

const proto_msg_info *proto_msg_lookup(int type);

/* The table's verdict on a message that arrived: false, with a static
 * reason a person can read in *why, when the receiver (PROTO_SENDER_HOST or
 * _CLIENT: the side that reads it) may not get this type, or not yet / no
 * longer (welcomed: the handshake of this connection is complete). */
bool proto_msg_allowed(int type, proto_sender receiver, bool welcomed, const char **why);

typedef enum {
    PROTO_REJ_NONE = 0,
    PROTO_REJ_VERSION = 1,
    PROTO_REJ_WRONG_CODE = 2,
    PROTO_REJ_FULL = 3,
    PROTO_REJ_KICKED = 4,
    PROTO_REJ_ROLE_TAKEN = 5,
    PROTO_REJ_UNKNOWN_ROLE = 6,
    PROTO_REJ_BAD_HELLO = 7,
    PROTO_REJ_BUSY = 8,
    PROTO_REJ_REPLACED = 9,
    PROTO_REJ_SHUTDOWN = 10,
    PROTO_REJ_COUNT
} proto_reject_code;

/* Readable Dutch text for a reject code (msgid; the caller applies _()). */
const char *proto_reject_text(proto_reject_code c);
const char *proto_msg_name(int type);

/* ------------------------------------------------------------- messages */

typedef struct {
    uint32_t magic;
    uint16_t version;
    char build[PROTO_BUILD_LEN];
    char code[PROTO_CODE_LEN];
    char name[PROTO_NAME_LEN];
    char role[PROTO_ROLE_LEN];
    bool observe;
    bool browse;               /* with observe: only looking at the roles before choosing one */
    bool has_token;
    uint8_t token[PROTO_TOKEN_LEN];
} proto_hello;

typedef struct {
    int seat;                  /* -1: observer */
    uint8_t token[PROTO_TOKEN_LEN];
    char code[PROTO_CODE_LEN];
    /* followed by the redacted scenario (encoded separately) */
} proto_welcome;

typedef struct {
    proto_reject_code code;
    char text[PROTO_REASON_LEN];
} proto_reject;

typedef struct {
    int role;
    char name[PROTO_NAME_LEN];
    bool taken, connected, bot;
} proto_lobby_seat;

typedef struct {
    char code[PROTO_CODE_LEN];
    char title[PROTO_TITLE_LEN];
    int n_seats;
    proto_lobby_seat seats[CORE_MAX_SEATS];
    int observers;
    bool started, paused, finished;
    int timer_left_s;          /* phase timer: seconds left, -1 when none runs (protocol 2) */
} proto_lobby;

typedef struct {
    uint32_t seq;              /* client's own counter, echoed in RESULT */
    core_action action;        /* seat is not on the wire: the host fills it */
} proto_action;

typedef struct {
    uint32_t seq;
    core_reject result;
} proto_result;

/* UPDATE: one per host tick. view_kind 0 = public view, 1 = seat view. */
typedef struct {
    uint32_t tick;
    core_events events;
    int view_kind;
    core_seat_view view;       /* for kind 0 only view.pub is meaningful */
} proto_update;

typedef struct {
    int fact;
    char text[CORE_TEXT_LEN];
} proto_fact;

typedef struct {
    int index;                 /* in core_scenario.events */
    core_scripted_event event;
} proto_event;

typedef struct {
    uint64_t stamp;            /* sender's clock; echoed in PONG */
    uint32_t ack_tick;         /* client: tick of the last UPDATE it has read (flow control); host: 0 */
} proto_ping;

/* ------------------------------------------------------------ the codec */

/* A growable-free writer/reader over a caller's buffer. */
typedef struct {
    uint8_t *wbuf;             /* writing: destination */
    const uint8_t *rbuf;       /* reading: source */
    size_t cap;                /* writing: capacity; reading: length */
    size_t pos;
    bool reading;
    bool bad;                  /* sticky: set by the first failure */
    const char *why;           /* static text of the first failure */
} proto_io;

void proto_writer(proto_io *io, uint8_t *buf, size_t cap);
void proto_reader(proto_io *io, const uint8_t *buf, size_t len);
/* Reading: true when everything was consumed and nothing failed. */
bool proto_done(proto_io *io);

/* Payload = 1 type byte + body. The encoders return the payload length, or
 * 0 when it does not fit in cap (then nothing usable was written).
 * Decoders: false with a static reason in *why (may be NULL) when the
 * payload is not exactly one valid message of that type. */

/* The GEN messages of the table: proto_encode_hello/_reject/_lobby/_action/
 * _result/_fact/_event and their proto_decode_ twins, e.g.
 *   size_t proto_encode_hello(uint8_t *buf, size_t cap, const proto_hello *m);
 *   bool proto_decode_hello(const uint8_t *p, size_t len, proto_hello *m, const char **why);
 * A HELLO of another magic or version decodes as far as those two fields
 * (the caller answers with a version reject). */
#define PROTO_DECLARE_GEN(name, type)                                          \
    size_t proto_encode_##name(uint8_t *buf, size_t cap, const type *m);       \
    bool proto_decode_##name(const uint8_t *p, size_t len, type *m, const char **why);
#define PROTO_DECLARE_OWN(name, type)
#define PROTO_DECLARE_BODY(name, type)
#define PROTO_DECLARE(t, NAME, name, type, sender, stage, codec) PROTO_DECLARE_##codec(name, type)
PROTO_MESSAGES(PROTO_DECLARE)
#undef PROTO_DECLARE
#undef PROTO_DECLARE_OWN
#undef PROTO_DECLARE_BODY
#undef PROTO_DECLARE_GEN

/* The BODY and OWN messages. */
size_t proto_encode_welcome(uint8_t *buf, size_t cap, const proto_welcome *m,
                            const core_scenario *sc, uint64_t fact_text_mask, uint32_t event_mask);
/* The scenario is written into *sc (large: caller allocates). */
bool proto_decode_welcome(const uint8_t *p, size_t len, proto_welcome *m, core_scenario *sc, const char **why);
/* events are filtered by the caller; view_kind 0 encodes pub only. */
size_t proto_encode_update(uint8_t *buf, size_t cap, uint32_t tick, const core_events *ev,
                           int view_kind, const core_seat_view *seat_view,
                           const core_public_view *pub);
bool proto_decode_update(const uint8_t *p, size_t len, proto_update *m, const char **why);
/* type: PROTO_MSG_PING or PROTO_MSG_PONG (same body). */
size_t proto_encode_ping(uint8_t *buf, size_t cap, int type, const proto_ping *m);
bool proto_decode_ping(const uint8_t *p, size_t len, int type, proto_ping *m, const char **why);
size_t proto_encode_bye(uint8_t *buf, size_t cap, proto_reject_code reason);
bool proto_decode_bye(const uint8_t *p, size_t len, proto_reject_code *reason, const char **why);

/* The type of a payload (first byte), 0 when empty. */
int proto_payload_type(const uint8_t *payload, size_t len);

/* Checks that the indices in a decoded view / events fit the scenario the
 * client holds, so that a front end may index arrays with them. */
bool proto_view_fits(const core_scenario *sc, const core_seat_view *v, bool seat_view, const char **why);
bool proto_events_fit(const core_scenario *sc, int n_seats, const core_events *ev, const char **why);

/* --------------------------------------------------------------- framing */

/* Writes the 4-byte header for a payload of len bytes. */
void proto_frame_header(uint8_t out[PROTO_HEADER_LEN], uint32_t len);

/* Incremental frame splitter over a receive buffer. */
typedef enum {
    PROTO_FRAME_NEED_MORE = 0,
    PROTO_FRAME_OK,
    PROTO_FRAME_TOO_LARGE,
    PROTO_FRAME_EMPTY
} proto_frame_status;

/* Looks at buf[0..len): when a whole frame is there, sets *payload, *plen
 * and *consumed (header + payload). max is the receiver's hard limit. */
proto_frame_status proto_frame_next(const uint8_t *buf, size_t len, size_t max,
                                    const uint8_t **payload, size_t *plen, size_t *consumed);

/* ------------------------------------------------------------- discovery */

typedef struct {
    uint16_t version;
    uint16_t port;
    char code[PROTO_CODE_LEN];
    int seats_free, seats_total;
    bool started;
    char title[33];
} proto_discovery_reply;

size_t proto_encode_discovery_query(uint8_t *buf, size_t cap);
bool proto_decode_discovery_query(const uint8_t *p, size_t len);
size_t proto_encode_discovery_reply(uint8_t *buf, size_t cap, const proto_discovery_reply *r);
bool proto_decode_discovery_reply(const uint8_t *p, size_t len, proto_discovery_reply *r);

#endif
