-- wrk script for scripts/serve-checks.sh: mixed map and GeoJSON requests.
-- MODE=cached cycles through a few URLs (served from the cache after the first);
-- MODE=uncached gives every request a width of its own, so every request renders a new map.
local mode = os.getenv("MODE") or "cached"
local cached = {
    "/map.png?date=2024-11-30&view=northwest&width=400",
    "/snapshot.geojson?date=2024-11-30",
    "/map.png?date=2024-12-08&view=syria&lang=ar&width=400",
    "/snapshot.geojson?date=2024-12-08",
    "/map.svg?date=2024-11-27&view=aleppo-city",
    "/diff.json?from=2024-11-26&to=2024-11-30",
}
local threads = 0
local counter = 0

function setup(thread)
    thread:set("offset", threads * 2900)
    threads = threads + 1
end

function request()
    counter = counter + 1
    if mode == "uncached" then
        local width = 200 + (offset + counter) % 5800
        return wrk.format("GET", "/map.png?date=2024-11-30&view=aleppo-city&width=" .. width)
    end
    return wrk.format("GET", cached[(counter % #cached) + 1])
end
