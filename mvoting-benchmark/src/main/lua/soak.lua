-- The soak of run-ratios.sh (SOAK=1): votes.lua paced. wrk waits delay() ms on a connection before each request, so
-- c connections with delay d ms and answers of l ms send about c * 1000 / (d + l) votes/s (run-ratios.sh picks d).
-- Usage: wrk -t1 -cC -dDs --latency -s soak.lua http://host:port -- <path> 1 <votes-file> <delay-ms>
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "votes.lua")
local votes_init = init
local pause = 0

function init(args)
   pause = tonumber(args[4]) or 0
   votes_init(args)
end

function delay()
   return pause
end
