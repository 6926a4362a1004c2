#!/usr/bin/env python3
"""Checks that scripts/import-ocha-communities.py reports a malformed row by file, line and column and leaves the
previous layer untouched, and that it cuts a name broken inside a letter with a warning.

    scripts/test-import-ocha-communities.py

Needs no data: it writes small community files into a temporary folder. Exits 1 on any failure.
"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
HEADER = '{\n"type": "FeatureCollection",\n"features": [\n'
GOOD = ('{ "type": "Feature", "properties": { "NAME_EN": "Bazabur", "NAM_EN_REF": "Bazabur", "NAME_ARA": "%s", '
        '"PCODE": "%s", "ADMIN2_EN": "Ariha", "ADMIN1_EN": "Idleb", "CAPIT_LVL": null }, '
        '"geometry": { "type": "MultiPoint", "coordinates": [ [ %s ] ] } },\n')


def run(folder, lines, output):
    with open(os.path.join(folder, "syr_admin4_communities_2015.geojson"), "wb") as source:
        source.write(HEADER.encode() + b"".join(lines) + b"]\n}\n")
    return subprocess.run([sys.executable, os.path.join(here, "import-ocha-communities.py"), folder, "-o", output],
                          capture_output=True, text=True)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "SY.csv")
        cases = [
            ("a P-code that is not C and digits", (GOOD % ("بزابور", "X4268", "36.61, 35.77")).encode(),
             "syr_admin4_communities_2015.geojson:5:", "P-code \"X4268\""),
            ("latitude written first", (GOOD % ("بزابور", "C4268", "33.51, 36.29")).encode(),
             "syr_admin4_communities_2015.geojson:5:", "are they swapped?"),
            ("a line that is not JSON", b'{ "type": "Feature", "properties": { "NAME_EN": },\n',
             "syr_admin4_communities_2015.geojson:5:", "not a GeoJSON feature"),
        ]
        for name, line, where, what in cases:
            with open(output, "w") as previous:
                previous.write("previous layer\n")
            result = run(folder, [(GOOD % ("بزابور", "C1", "36.61, 35.77")).encode(), line], output)
            if result.returncode == 0 or where not in result.stderr or what not in result.stderr:
                failures.append(f"{name}: exit {result.returncode}, stderr {result.stderr!r}")
            if open(output).read() != "previous layer\n":
                failures.append(f"{name}: the previous layer was changed")
            if [entry for entry in os.listdir(folder) if entry.startswith(".import-")]:
                failures.append(f"{name}: a temporary file was left behind")
        cut = (GOOD % ("بزابور", "C4268", "36.61, 35.77")).encode().replace("بزابور".encode(), "بزابور".encode()[:-1])
        result = run(folder, [cut], output)
        if result.returncode != 0 or "cut inside a letter" not in result.stderr or "C4268,village,Bazabur,بزابو," \
                not in open(output, encoding="utf-8").read():
            failures.append(f"a cut name: exit {result.returncode}, stderr {result.stderr!r}")
    for failure in failures:
        print(failure)
    print(f"{len(cases) + 1 - len(failures)} of {len(cases) + 1} checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
