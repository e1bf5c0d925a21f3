/* For the Windows smoke test: holds a file open the way Word holds a document, shared for reading only. */
/* Usage: hold-shared-read.exe FILE READY RELEASE — opens FILE, creates READY, waits (60 s at most) for RELEASE to exist. */
#include <windows.h>

int wmain(int argc, wchar_t **argv) {
  if (argc != 4) return 2;
  /* Others may read the file, but neither write it nor delete or rename over it: Word's share mode. */
  HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) return 3;
  HANDLE ready = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  if (ready == INVALID_HANDLE_VALUE) return 4;
  CloseHandle(ready);
  for (int i = 0; i < 600 && GetFileAttributesW(argv[3]) == INVALID_FILE_ATTRIBUTES; i++) Sleep(100);
  CloseHandle(file);
  return 0;
}
