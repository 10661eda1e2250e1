// Measurement 2, Node.js side: the same sequential get_visualization_job_info call through the official
// Huawei Cloud Node.js core client (@huaweicloud/huaweicloud-sdk-core: ClientBuilder -> HcClient ->
// BasicCredentials -> AKSKSigner, axios over Node's keep-alive global agent).
// usage: node node_client.js ENDPOINT PROJECT_ID JOB_ID AK SK SECONDS ROUNDS   (NODE_PATH: the npm scratch dir)
'use strict';
const core = require('@huaweicloud/huaweicloud-sdk-core');
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');

const [endpoint, projectId, jobId, ak, sk, seconds, rounds] = process.argv.slice(2);
const credentials = new core.BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
const client = new ClientBuilder((hcClient) => hcClient).withCredential(credentials).withEndpoint(endpoint).build();

function getVisualizationJobInfo() {
  return client.sendRequest({
    method: 'GET',
    url: '/v1/{project_id}/visualization-jobs/{job_id}',
    contentType: 'application/json',
    pathParams: { project_id: projectId, job_id: jobId },
    queryParams: {},
    headers: {},
  });
}

async function callsPerSecond(durationSeconds) {
  let calls = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  do {
    const reply = await getVisualizationJobInfo();
    if (reply.httpStatusCode !== 200 || !reply.job_name) throw new Error('unexpected reply ' + JSON.stringify(reply));
    ++calls;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < durationSeconds);
  const cpu = process.cpuUsage(cpuStart);
  return { rate: calls / elapsed, cpuUsPerCall: (cpu.user + cpu.system) / calls };
}

(async () => {
  for (let i = 0; i < 200; ++i) await getVisualizationJobInfo();  // warm-up (JIT, connection)
  let best = 0;
  let bestCpu = Infinity;
  for (let r = 0; r < Number(rounds); ++r) {
    const round = await callsPerSecond(Number(seconds));
    best = Math.max(best, round.rate);
    bestCpu = Math.min(bestCpu, round.cpuUsPerCall);
  }
  console.log(`RESULT seq.node_core.calls_per_s ${best.toPrecision(6)} calls/s`);
  console.log(`RESULT seq.node_core.cpu_us_per_call ${bestCpu.toPrecision(6)} us`);
})().catch((error) => {
  console.error('node client failed:', error && (error.errorMsg || error.message || error));
  process.exit(1);
});
