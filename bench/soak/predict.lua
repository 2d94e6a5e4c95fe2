-- wrk script of bench/soak.sh: POSTs one flower to /api/v1/predict and prints the figures the script reads,
-- one KEY=value a line (latency in microseconds; errors by kind: no connection, read, write, timeout, non-2xx).
wrk.method = "POST"
wrk.body = '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("\nWRK_REQUESTS=%d\nWRK_DURATION_US=%d\n", summary.requests, summary.duration))
  io.write(string.format("WRK_ERR_CONNECT=%d\nWRK_ERR_READ=%d\nWRK_ERR_WRITE=%d\nWRK_ERR_TIMEOUT=%d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("WRK_ERR_STATUS=%d\n", e.status))
  for _, p in ipairs({50, 99}) do
    io.write(string.format("WRK_LAT_P%d_US=%d\n", p, latency:percentile(p)))
  end
  io.write(string.format("WRK_LAT_MAX_US=%d\n", latency.max))
end
