/* A stand-in for Windows's bcryptprimitives.dll, which Wine 8 lacks: ProcessPrng, as Go and Rust programs call it. */
/* Only for running tools under Wine (scripts/windows-suite.sh); real Windows has its own. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
  while (size > 0) {
    ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
    if (!RtlGenRandom(data, n)) return FALSE;
    data += n;
    size -= n;
  }
  return TRUE;
}
