# Builds the FIX counterparties the acceptor is tested and measured against, from Debian's QuickFIX C++
# packages: qf-peer (tests/fix-peers/quickfix/qf-peer.cpp, an initiator we script or load with) and
# QuickFIX's own example executor (prebuilt in libquickfix-doc). Exports TRADEFLOW_QF_PEER and
# TRADEFLOW_QF_EXECUTOR. Sourced by test.sh; safe to run again.

build_fix_peers() {
  local root bin missing=()
  root="$(pwd)"
  bin="$root/tests/fix-peers/quickfix/bin"
  [[ -f /usr/include/quickfix/Session.h ]] || missing+=(libquickfix-dev)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  if (( ${#missing[@]} > 0 )); then
    echo "Installing ${missing[*]} from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  mkdir -p "$bin"
  if [[ ! -x "$bin/qf-peer" || "$root/tests/fix-peers/quickfix/qf-peer.cpp" -nt "$bin/qf-peer" ]]; then
    # QuickFIX 1.15's headers use dynamic exception specifications, gone in C++17.
    g++ -std=gnu++14 -O2 -Wno-deprecated -o "$bin/qf-peer" "$root/tests/fix-peers/quickfix/qf-peer.cpp" \
      $(pkg-config --cflags --libs quickfix) -lpthread
  fi
  if [[ ! -x "$bin/qf-executor" ]]; then
    # Taken from the .deb itself: minimal images often drop /usr/share/doc when installing packages.
    local unpack
    unpack="$(mktemp -d)"
    (cd "$unpack" && apt-get download -qq libquickfix-doc >/dev/null 2>&1 ||
      { apt-get update -qq && apt-get download -qq libquickfix-doc >/dev/null; })
    dpkg-deb -x "$unpack"/libquickfix-doc_*.deb "$unpack/root"
    zcat "$unpack/root/usr/share/doc/libquickfix-doc/examples/executor/C++/.libs/executor.gz" > "$bin/qf-executor"
    chmod +x "$bin/qf-executor"
    rm -rf "$unpack"
  fi
  export TRADEFLOW_QF_PEER="$bin/qf-peer"
  export TRADEFLOW_QF_EXECUTOR="$bin/qf-executor"
  echo "FIX peers ready: $TRADEFLOW_QF_PEER, $TRADEFLOW_QF_EXECUTOR"
}
