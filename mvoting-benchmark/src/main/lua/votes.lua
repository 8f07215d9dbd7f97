-- mVoting light client for wrk (run-ratios.sh): keep-alive connections (phones with the page open), each request a
-- different voter with its own token and idempotency key, read from a file minted beforehand (LightClient mint), so
-- wrk does no crypto. Without a votes file it sends GET <path> (the floor, or a results read).
-- Usage: wrk -t2 -c16 -d15s --latency -s votes.lua http://host:port -- <path> <threads> [votes-file]
-- Prints one RESULT line in done(): requests, statuses, errors, p50/p99/max in ms, and votes left unused.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   path = args[1]
   local nthreads = tonumber(args[2])
   local file = args[3]
   requests = {}
   next_request = 0
   s2xx = 0; s4xx = 0; s5xx = 0; exhausted = 0; sent = 0
   if file then
      local i = 0
      for line in io.lines(file) do
         -- every thread takes its own share of the voters: no voter is sent twice
         if i % nthreads == id then
            local token, key, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
            requests[#requests + 1] = wrk.format("POST", path, {
               ["Authorization"] = "Bearer " .. token,
               ["Idempotency-Key"] = key,
               ["Content-Type"] = "application/json",
               ["Accept"] = "application/json" }, body)
         end
         i = i + 1
      end
   end
   plain = wrk.format("GET", path, { ["Accept"] = "application/json" })
   -- out of voters: a request that is neither a vote nor counted as one (the run reports it and fails the step)
   spare = wrk.format("GET", "/no-such-context-voters-exhausted")
end

function request()
   if #requests == 0 then
      return plain
   end
   next_request = next_request + 1
   local r = requests[next_request]
   if r == nil then
      exhausted = exhausted + 1
      return spare
   end
   sent = sent + 1
   return r
end

function response(status, headers, body)
   if status >= 500 then s5xx = s5xx + 1
   elseif status >= 400 then s4xx = s4xx + 1
   elseif status >= 200 and status < 300 then s2xx = s2xx + 1 end
end

function done(summary, latency, requests)
   local ok, c4, c5, ex, votes = 0, 0, 0, 0, 0
   for _, t in ipairs(threads) do
      ok = ok + t:get("s2xx"); c4 = c4 + t:get("s4xx"); c5 = c5 + t:get("s5xx"); ex = ex + t:get("exhausted")
      votes = votes + t:get("sent")
   end
   local e = summary.errors
   -- votes_sent: votes written, answered or not; when wrk stops, each connection may leave one in flight, which the
   -- server may still count (run-ratios.sh allows for exactly those in its tally check)
   io.write(string.format("RESULT requests=%d seconds=%.2f s2xx=%d s4xx=%d s5xx=%d exhausted=%d votes_sent=%d"
      .. " errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
      summary.requests, summary.duration / 1e6, ok, c4, c5, ex, votes,
      e.connect + e.read + e.write + e.timeout,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
