# The two commands of the README: `make demo` renders the bundled scenario, `make test` runs the tests.
# `make install PREFIX=~/.local` installs the binary in PREFIX/bin and its data in PREFIX/share/controlmap.
.PHONY: demo test deps bench install

PREFIX ?= /usr/local
CONFIG ?= release

deps:
	scripts/install-deps.sh

demo: deps
	swift build --product controlmap
	.build/debug/controlmap render
	.build/debug/controlmap render --view syria
	.build/debug/controlmap render --date 2024-11-30 --view northwest
	.build/debug/controlmap render --diff 2024-11-26..2024-11-30 --view northwest
	.build/debug/controlmap render --date 2024-11-30 --view northwest --width 1200 -o Output/README-northwest-2024-11-30.png
	.build/debug/controlmap render --diff 2024-11-26..2024-11-30 --view northwest --width 1200 -o Output/README-diff-2024-11-26-to-30.png
	.build/debug/controlmap render --date 2024-11-26 --view syria --width 1200 -o Output/README-syria-2024-11-26.png
	.build/debug/controlmap render --date 2024-11-30 --view aleppo-city --width 1200 -o Output/README-aleppo-city-2024-11-30.png
	.build/debug/controlmap render --date 2024-12-08 --view syria --width 1200 -o Output/README-syria-2024-12-08.png
	.build/debug/controlmap timeline --from 2024-11-26 --to 2024-12-08 --view northwest --width 800 --dpi 96 --force \
		-o Output/timeline-northwest
	cp Output/timeline-northwest/animation.png Output/README-timeline-northwest.png
	cp Output/timeline-northwest/areas.png Output/README-areas-2024-11-26-to-12-08.png

# The server's tests run in a process of their own: its event loops and the many blocking tests of the rest do
# not share one thread pool.
test:
	scripts/install-deps.sh --test
	swift test --skip ServerTests
	swift test --filter ServerTests

bench:
	scripts/install-deps.sh
	swift run -c release controlmap-bench

install:
	swift build -c $(CONFIG) --product controlmap
	install -D -m 755 "$$(swift build -c $(CONFIG) --show-bin-path)/controlmap" "$(PREFIX)/bin/controlmap"
	mkdir -p "$(PREFIX)/share/controlmap"
	rm -rf "$(PREFIX)/share/controlmap/Gazetteer" "$(PREFIX)/share/controlmap/Scenarios"
	cp -R Gazetteer Scenarios "$(PREFIX)/share/controlmap/"
