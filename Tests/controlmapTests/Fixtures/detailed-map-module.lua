-- Test fixture in the shape of a detailed-map module's data: marks with the
-- parameters of Wikipedia's Location map templates (lat, long, mark, label).
local p = {}

p.containerArgs = { width = 1200, AlternativeMap = "Syria location map.svg" }

p.marks = {
	{ lat = 36.2012, long = 37.1612, mark = "Test-icon-green.svg", marksize = 8, label = "Aleppo" },
	{ lat = 36.3787, long = 36.9929, mark = "Test-icon-red.svg", marksize = 6, label = "Nubl" },
	{ lat = 36.4723, long = 37.0947, mark = "Test-icon-purple.svg", marksize = 6, label = "Tal Rifaat" },
	--[[ a mark far from any place ]]
	{ lat = 34.1, long = 38.9, mark = "Test-icon-green.svg", label = "Nowhereville" },
}

return p
