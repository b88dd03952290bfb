/*
 * The message table of the Samenspel protocol: every message declared once.
 * proto.h builds the type enum from it, proto.c the names, the codecs and
 * the direction checks, tests/proto the round-trip list (see PROTOCOL.md).
 *
 * PROTO_MESSAGES(X) calls X(type, NAME, name, struct, sender, stage, codec):
 *   type    the type byte on the wire (never renumber: version 1)
 *   NAME    PROTO_MSG_<NAME>; name: proto_encode_<name>/proto_decode_<name>
 *   struct  what the decoder fills
 *   sender  who may send it: CLIENT (to the host), HOST (to a client), EITHER
 *   stage   when: OPEN     the first message of a connection, and only then;
 *                 EARLY    the host may send it before WELCOME (a host
 *                          accepts nothing but HELLO before HELLO);
 *                 SESSION  only once WELCOME has been sent
 *   codec   GEN   encode(buf, cap, const struct *) and decode(p, len, struct *,
 *                 why) are generated from the message's serializer ser_<name>;
 *           BODY  only the serializer is shared: the public pair is written
 *                 out in proto.c (PING: one pair for PING and PONG, by type;
 *                 BYE: the reason code by value)
 *           OWN   written out in proto.c: WELCOME carries the scenario and
 *                 its masks, UPDATE the view to send, PONG is PING's pair
 */
#ifndef SAMENSPEL_PROTO_MESSAGES_H
#define SAMENSPEL_PROTO_MESSAGES_H

#define PROTO_MESSAGES(X)                                                  \
    X(1, HELLO, hello, proto_hello, CLIENT, OPEN, GEN)                     \
    X(2, WELCOME, welcome, proto_welcome, HOST, EARLY, OWN)                \
    X(3, REJECT, reject, proto_reject, HOST, EARLY, GEN)                   \
    X(4, LOBBY, lobby, proto_lobby, HOST, SESSION, GEN)                    \
    X(5, ACTION, action, proto_action, CLIENT, SESSION, GEN)               \
    X(6, RESULT, result, proto_result, HOST, SESSION, GEN)                 \
    X(7, UPDATE, update, proto_update, HOST, SESSION, OWN)                 \
    X(8, FACT, fact, proto_fact, HOST, SESSION, GEN)                       \
    X(9, PING, ping, proto_ping, EITHER, EARLY, BODY)                      \
    X(10, PONG, pong, proto_ping, EITHER, SESSION, OWN)                    \
    X(11, BYE, bye, proto_reject_code, EITHER, EARLY, BODY)                \
    X(12, EVENT, event, proto_event, HOST, SESSION, GEN)

#endif
