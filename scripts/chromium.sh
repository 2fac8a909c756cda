# Installs (if needed) Debian's Chromium and ChromeDriver for the dashboard's browser test and exports
# TRADEFLOW_CHROMIUM and TRADEFLOW_CHROMEDRIVER. Sourced by test.sh; safe to run again.
# No browser is downloaded from anywhere else: the test drives exactly the Debian packages.

install_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "Installing Chromium and ChromeDriver from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  export TRADEFLOW_CHROMIUM="${TRADEFLOW_CHROMIUM:-/usr/bin/chromium}"
  export TRADEFLOW_CHROMEDRIVER="${TRADEFLOW_CHROMEDRIVER:-/usr/bin/chromedriver}"
  echo "Chromium ready: $("$TRADEFLOW_CHROMIUM" --version 2>/dev/null), driver $TRADEFLOW_CHROMEDRIVER"
}
