// Huawei's official OBS client (esdk-obs-nodejs) against the emulator's OBS: put, list, get and a multipart
// upload, once with each signature the client offers for a path-style endpoint. Exits non-zero on the first
// mismatch. Environment: NODE_PATH with esdk-obs-nodejs, MODELARTS_OBS_ENDPOINT, HUAWEICLOUD_SDK_AK/SK,
// OBS_BUCKET, and MODELARTS_CA_FILE for https endpoints.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ObsClient = require('esdk-obs-nodejs');

const bucket = process.env.OBS_BUCKET || 'modelarts-emulator';

function check(result, what, status = 200) {
  assert.ok(result && result.CommonMsg, `${what}: no reply`);
  assert.strictEqual(result.CommonMsg.Status, status,
    `${what}: HTTP ${result.CommonMsg.Status} ${result.CommonMsg.Code || ''} ${result.CommonMsg.Message || ''}`);
  return result.InterfaceResult;
}

async function roundTrip(signature) {
  const options = {
    access_key_id: process.env.HUAWEICLOUD_SDK_AK,
    secret_access_key: process.env.HUAWEICLOUD_SDK_SK,
    server: process.env.MODELARTS_OBS_ENDPOINT,
    signature,
    max_retry_count: 0,
  };
  if (process.env.MODELARTS_CA_FILE && options.server.startsWith('https://')) {
    options.ssl_verify = process.env.MODELARTS_CA_FILE;
  }
  const obs = new ObsClient(options);
  const wrong = new ObsClient({ ...options, secret_access_key: 'not-the-secret' });
  // The client finishes its (async) set-up after the constructor returns.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const prefix = `node-${signature}/`;

  const body = "import torch\nprint('hello from ModelArts')\n";
  const put = check(await obs.putObject({ Bucket: bucket, Key: prefix + 'code/train.py', Body: body,
                                          ContentType: 'text/x-python' }), 'putObject');
  assert.strictEqual(put.ETag, '"' + crypto.createHash('md5').update(body).digest('hex') + '"');
  check(await obs.putObject({ Bucket: bucket, Key: prefix + 'code/utils/io.py', Body: 'x = 1\n' }), 'putObject 2');

  const got = check(await obs.getObject({ Bucket: bucket, Key: prefix + 'code/train.py' }), 'getObject');
  assert.strictEqual(String(got.Content), body);

  const listed = check(await obs.listObjects({ Bucket: bucket, Prefix: prefix + 'code/', Delimiter: '/' }),
                       'listObjects');
  assert.deepStrictEqual(listed.Contents.map((c) => c.Key), [prefix + 'code/train.py']);
  assert.deepStrictEqual(listed.CommonPrefixes.map((p) => p.Prefix), [prefix + 'code/utils/']);
  const paged = check(await obs.listObjects({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }), 'listObjects paged');
  assert.strictEqual(paged.IsTruncated, 'true');
  assert.strictEqual(paged.Contents.length, 1);

  const key = prefix + 'data/shard.bin';
  const partOne = crypto.randomBytes(100 * 1024);
  const partTwo = crypto.randomBytes(1234);
  const init = check(await obs.initiateMultipartUpload({ Bucket: bucket, Key: key }), 'initiateMultipartUpload');
  const parts = [];
  // Binary parts from a file (SourceFile/Offset/PartSize): the client turns a Buffer Body into UTF-8 text.
  const source = path.join(os.tmpdir(), `esdk-round-trip-${process.pid}.bin`);
  fs.writeFileSync(source, Buffer.concat([partOne, partTwo]));
  for (const [number, offset, size] of [[1, 0, partOne.length], [2, partOne.length, partTwo.length]]) {
    const part = check(await obs.uploadPart({ Bucket: bucket, Key: key, PartNumber: number, UploadId: init.UploadId,
                                              SourceFile: source, Offset: offset, PartSize: size }),
                       `uploadPart ${number}`);
    parts.push({ PartNumber: number, ETag: part.ETag });
  }
  const listedParts = await obs.listMultipartUploads({ Bucket: bucket });
  assert.ok(check(listedParts, 'listMultipartUploads').Uploads.some((u) => u.UploadId === init.UploadId));
  const done = check(await obs.completeMultipartUpload({ Bucket: bucket, Key: key, UploadId: init.UploadId,
                                                         Parts: parts }), 'completeMultipartUpload');
  assert.match(done.ETag, /-2"$/);
  fs.unlinkSync(source);
  // Binary content as a stream: without SaveAsStream the client decodes the body as UTF-8 text.
  const whole = check(await obs.getObject({ Bucket: bucket, Key: key, SaveAsStream: true }), 'getObject multipart');
  const chunks = [];
  for await (const chunk of whole.Content) chunks.push(chunk);
  const content = Buffer.concat(chunks);
  assert.ok(content.equals(Buffer.concat([partOne, partTwo])), `multipart object content: ${content.length} bytes`);

  // A wrong secret is refused with the documented error.
  const refused = await wrong.getObject({ Bucket: bucket, Key: prefix + 'code/train.py' });
  assert.strictEqual(refused.CommonMsg.Status, 403);
  assert.strictEqual(refused.CommonMsg.Code, 'SignatureDoesNotMatch');
  obs.close();
  wrong.close();
  console.log(`esdk-obs-nodejs (${signature}): put, list, get and multipart round trip ok`);
}

(async () => {
  for (const signature of ['obs', 'v2']) await roundTrip(signature);
})().catch((error) => {
  console.error('FAILED:', error && error.stack ? error.stack : error);
  process.exit(1);
});
