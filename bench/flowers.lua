-- wrk script: POST a different iris flower with each request, from a fixed list of 24, so that a canary's split by
-- request bytes meets many requests (one fixed body would always go to the same version); prints the same
-- machine-readable results as the shared post.lua.
local flowers = {}
for i = 0, 23 do
  flowers[#flowers + 1] = string.format(
    '{"sepal_length":%.1f,"sepal_width":%.1f,"petal_length":%.1f,"petal_width":%.1f}',
    4.6 + (i % 6) * 0.5, 2.5 + (i % 4) * 0.3, 1.3 + (i % 8) * 0.7, 0.2 + (i % 5) * 0.5)
end
local next = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

request = function()
  next = next % #flowers + 1
  return wrk.format(nil, nil, nil, flowers[next])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write("\n")
  io.write(string.format("WRK_REQUESTS=%d\n", summary.requests))
  io.write(string.format("WRK_DURATION_US=%d\n", summary.duration))
  io.write(string.format("WRK_BYTES=%d\n", summary.bytes))
  io.write(string.format("WRK_ERR_CONNECT=%d\n", e.connect))
  io.write(string.format("WRK_ERR_READ=%d\n", e.read))
  io.write(string.format("WRK_ERR_WRITE=%d\n", e.write))
  io.write(string.format("WRK_ERR_TIMEOUT=%d\n", e.timeout))
  io.write(string.format("WRK_ERR_STATUS=%d\n", e.status))
  io.write(string.format("WRK_LAT_MEAN_US=%.1f\n", latency.mean))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("WRK_LAT_P%d_US=%d\n", p, latency:percentile(p)))
  end
  io.write(string.format("WRK_LAT_MAX_US=%d\n", latency.max))
end
