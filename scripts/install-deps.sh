# Sourced by ./ingest and ./test: installs the Debian packages the pipeline and its tests need,
# once, with sudo when not root. Output goes to stderr so that ./ingest's stdout stays clean.
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# libtesseract5 and liblept5 (loaded in-process) come with tesseract-ocr; the Vietnamese model
# is the project's own tessdata/vie.traineddata, so tesseract-ocr-vie is not needed
# (the library list is read whole, not piped to 'grep -q': under pipefail an early grep exit
# makes ldconfig die of SIGPIPE and the check fail at random)
libs="$(ldconfig -p 2>/dev/null || true)"
{ command -v tesseract >/dev/null 2>&1 && [[ "$libs" == *'libtesseract.so.5 '* ]]; } || need+=(tesseract-ocr)
# the build compiles one small C library (src/Ingest.Adapters.Tesseract/native: it spares Tesseract
# compressing every text line's image, an eighth of an OCR page's time, and OpenMP's teams of one
# thread, a tenth and more); it is optional, so a machine where gcc cannot be installed still runs,
# more slowly
optional=()
command -v cc >/dev/null 2>&1 || optional+=(gcc libc6-dev)
# the tests (./test sets INGEST_TEST_DEPS=1) also drive the reviewer's page in Debian's chromium, through
# Playwright with ExecutablePath: Playwright's own browser download is not used (nor reachable)
if [ "${INGEST_TEST_DEPS:-}" = 1 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ] || [ ${#optional[@]} -gt 0 ]; then
  echo "ingest: installing ${need[*]} ${optional[*]} (first run)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ ${#need[@]} -gt 0 ]; then
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
  fi
  if [ ${#optional[@]} -gt 0 ]; then
    { [ ${#need[@]} -gt 0 ] || $sudo apt-get update -qq >&2; } &&
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${optional[@]}" >&2 ||
      echo "ingest: could not install ${optional[*]}; OCR runs without its engine-calls library, more slowly" >&2
  fi
fi
