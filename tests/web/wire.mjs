// wire.mjs: what the node-side web tests and the bench share: web/proto.js
// loaded as the plain script the page loads, and the TCP framing of
// src/proto/PROTOCOL.md (a 4-byte big-endian length, then the frame).
import fs from "node:fs";

// The named globals of proto.js (P, decode, encodeHello, ...) as an object.
export function loadProto(path, names) {
  return new Function(fs.readFileSync(path, "utf8") + `; return {${names.join(", ")}};`)();
}

// A socket "data" handler that calls onFrame(ArrayBuffer) for every whole
// frame (length prefix included, as proto.js's decode wants it).
export function frameReader(onFrame) {
  let buf = Buffer.alloc(0);
  return (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4) {
      const len = buf.readUInt32BE(0);
      if (buf.length < 4 + len) break;
      const fr = buf.subarray(0, 4 + len);
      buf = buf.subarray(4 + len);
      onFrame(fr.buffer.slice(fr.byteOffset, fr.byteOffset + fr.length));
    }
  };
}
