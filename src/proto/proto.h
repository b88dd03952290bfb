/*
 * proto: the wire format of Samenspel's LAN play (see PROTOCOL.md, which is
 * the reference; this header mirrors it). No SDL, no sockets: bytes in,
 * structs out. Every message is declared once in the table of proto.c.
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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROTO_MAGIC 0x53504C31u         /* "SPL1" */
#define PROTO_VERSION 1
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

typedef enum {
    PROTO_MSG_HELLO = 1,       /* C->H handshake */
    PROTO_MSG_WELCOME = 2,     /* H->C seat + token + redacted scenario */
    PROTO_MSG_REJECT = 3,      /* H->C refusal (then the host closes) */
    PROTO_MSG_LOBBY = 4,       /* H->C seats, observers, flags */
    PROTO_MSG_ACTION = 5,      /* C->H an intent */
    PROTO_MSG_RESULT = 6,      /* H->C the rules' answer to an intent */
    PROTO_MSG_UPDATE = 7,      /* H->C events of one tick + the recipient's view */
    PROTO_MSG_FACT = 8,        /* H->C the text of a fact that was shared */
    PROTO_MSG_PING = 9,        /* both ways: heartbeat */
    PROTO_MSG_PONG = 10,       /* both ways: answer to PING */
    PROTO_MSG_BYE = 11,        /* both ways: orderly goodbye */
    PROTO_MSG_EVENT = 12,      /* H->C a scripted event of the level, once its round has come */
    PROTO_MSG_COUNT
} proto_msg_type;

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
 * 0 when it does not fit in cap (then nothing usable was written). */
size_t proto_encode_hello(uint8_t *buf, size_t cap, const proto_hello *m);
size_t proto_encode_welcome(uint8_t *buf, size_t cap, const proto_welcome *m,
                            const core_scenario *sc, uint64_t fact_text_mask, uint32_t event_mask);
size_t proto_encode_reject(uint8_t *buf, size_t cap, const proto_reject *m);
size_t proto_encode_lobby(uint8_t *buf, size_t cap, const proto_lobby *m);
size_t proto_encode_action(uint8_t *buf, size_t cap, const proto_action *m);
size_t proto_encode_result(uint8_t *buf, size_t cap, const proto_result *m);
/* events are filtered by the caller; view_kind 0 encodes pub only. */
size_t proto_encode_update(uint8_t *buf, size_t cap, uint32_t tick, const core_events *ev,
                           int view_kind, const core_seat_view *seat_view,
                           const core_public_view *pub);
size_t proto_encode_fact(uint8_t *buf, size_t cap, const proto_fact *m);
size_t proto_encode_event(uint8_t *buf, size_t cap, const proto_event *m);
size_t proto_encode_ping(uint8_t *buf, size_t cap, int type, const proto_ping *m);
size_t proto_encode_bye(uint8_t *buf, size_t cap, proto_reject_code reason);

/* The type of a payload (first byte), 0 when empty. */
int proto_payload_type(const uint8_t *payload, size_t len);

/* Decoders: false with a static reason in *why (may be NULL) when the
 * payload is not exactly one valid message of that type. */
bool proto_decode_hello(const uint8_t *p, size_t len, proto_hello *m, const char **why);
/* The scenario is written into *sc (large: caller allocates). */
bool proto_decode_welcome(const uint8_t *p, size_t len, proto_welcome *m, core_scenario *sc, const char **why);
bool proto_decode_reject(const uint8_t *p, size_t len, proto_reject *m, const char **why);
bool proto_decode_lobby(const uint8_t *p, size_t len, proto_lobby *m, const char **why);
bool proto_decode_action(const uint8_t *p, size_t len, proto_action *m, const char **why);
bool proto_decode_result(const uint8_t *p, size_t len, proto_result *m, const char **why);
bool proto_decode_update(const uint8_t *p, size_t len, proto_update *m, const char **why);
bool proto_decode_fact(const uint8_t *p, size_t len, proto_fact *m, const char **why);
bool proto_decode_event(const uint8_t *p, size_t len, proto_event *m, const char **why);
bool proto_decode_ping(const uint8_t *p, size_t len, int type, proto_ping *m, const char **why);
bool proto_decode_bye(const uint8_t *p, size_t len, proto_reject_code *reason, const char **why);

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
