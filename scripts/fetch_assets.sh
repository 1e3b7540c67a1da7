#!/usr/bin/env bash
# Fetch the map's browser assets from the npm registry into static/vendor, so the
# app serves them itself and never needs a CDN at run time.
set -euo pipefail
dest=${1:-static/vendor}
leaflet_version=1.9.3  # the version folium 0.20 is written against
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "leaflet@${leaflet_version}" >/dev/null )
mkdir -p "$dest/leaflet"
tar -xzf "$work/leaflet-${leaflet_version}.tgz" -C "$work"
cp -r "$work/package/dist/." "$dest/leaflet/"
echo "leaflet ${leaflet_version} -> $dest/leaflet"
