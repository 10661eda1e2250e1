// Measurement 6's third client: Huawei's esdk-obs-nodejs uploading the same bytes to the emulator's OBS as
// `modelarts-bench obs` (a multipart upload of FILE in PART_MB parts, PARALLELISM in flight, then TREE_FILES
// 4 KiB objects). Prints RESULT lines. Environment: NODE_PATH (esdk-obs-nodejs), ENDPOINT, AK, SK, FILE,
// PART_MB, PARALLELISM, TREE_FILES.
'use strict';
const fs = require('fs');
const ObsClient = require('esdk-obs-nodejs');

const bucket = 'modelarts-emulator';
const obs = new ObsClient({ access_key_id: process.env.AK, secret_access_key: process.env.SK,
                            server: process.env.ENDPOINT, max_retry_count: 0 });
const partSize = Number(process.env.PART_MB || 8) * 1024 * 1024;
const parallelism = Number(process.env.PARALLELISM || 4);
const treeFiles = Number(process.env.TREE_FILES || 1000);

function ok(result, what) {
  if (!result || !result.CommonMsg || result.CommonMsg.Status >= 300) {
    throw new Error(`${what}: ${result && result.CommonMsg ? result.CommonMsg.Status + ' ' + result.CommonMsg.Code : 'no reply'}`);
  }
  return result.InterfaceResult;
}

async function pool(count, work) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(parallelism, count) }, async () => {
    while (next < count) await work(next++);
  }));
}

(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));  // the client's async set-up
  const file = process.env.FILE;
  const size = fs.statSync(file).size;
  const key = 'bench/node/big.bin';
  let start = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  const init = ok(await obs.initiateMultipartUpload({ Bucket: bucket, Key: key }), 'initiate');
  const parts = [];
  const count = Math.ceil(size / partSize);
  await pool(count, async (i) => {
    const length = Math.min(partSize, size - i * partSize);
    // From the file: the client turns a Buffer Body into UTF-8 text (binary data would be corrupted).
    const part = ok(await obs.uploadPart({ Bucket: bucket, Key: key, PartNumber: i + 1, UploadId: init.UploadId,
                                           SourceFile: file, Offset: i * partSize, PartSize: length }), 'uploadPart');
    parts[i] = { PartNumber: i + 1, ETag: part.ETag };
  });
  ok(await obs.completeMultipartUpload({ Bucket: bucket, Key: key, UploadId: init.UploadId, Parts: parts }), 'complete');
  let seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let used = process.cpuUsage(cpu);
  console.log(`RESULT obs.large_file.esdk_nodejs.throughput ${(size / 1048576 / seconds).toPrecision(6)} MB/s`);
  console.log(`RESULT obs.large_file.esdk_nodejs.cpu_ms_per_mb ${((used.user + used.system) / 1000 / (size / 1048576)).toPrecision(6)} ms`);

  const small = 'x'.repeat(4096);  // text: see the Buffer note above
  start = process.hrtime.bigint();
  cpu = process.cpuUsage();
  await pool(treeFiles, async (i) => {
    ok(await obs.putObject({ Bucket: bucket, Key: `bench/node-tree/f${i}.bin`, Body: small }), 'putObject');
  });
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
  used = process.cpuUsage(cpu);
  console.log(`RESULT obs.tree.esdk_nodejs.files_per_second ${(treeFiles / seconds).toPrecision(6)} files/s`);
  console.log(`RESULT obs.tree.esdk_nodejs.cpu_us_per_file ${((used.user + used.system) / treeFiles).toPrecision(6)} us`);
  obs.close();
})().catch((error) => {
  console.error('FAILED:', error && error.stack ? error.stack : error);
  process.exit(1);
});
