/* Linked into the Native AOT build on Linux (Cli.csproj, target LinkStartupData): the memory of the binary's start-up
 * data, before and after the runtime rehydrates it.
 *
 * At start-up, before Main, the Native AOT runtime rehydrates the binary's dehydrated data (a compact encoding of its
 * type data, ~10 MB in the read-only data) into its ".hydrated" section, ~20 MB of zero-filled memory after .bss
 * (StartupCodeHelpers.RehydrateData). Two costs follow, each handled here (docs/performance.md):
 *
 * - Writing the .hydrated section faults every 4 KiB page in, ~5,000 faults and tens of ms on a virtual machine. The
 *   constructor below runs before the runtime starts (it is in .init_array) and asks the kernel to back that memory
 *   with transparent huge pages, madvise(2) MADV_HUGEPAGE: one fault per 2 MiB.
 * - Reading the dehydrated data leaves its pages of the executable's file mapping resident for the whole run, though
 *   nothing reads them again. kalc_iac_release_dehydrated_data, called by Main (StartupData.cs), drops them:
 *   madvise(2) MADV_DONTNEED on a read-only private file mapping only unmaps the pages, and a later read would fault
 *   them in again from the file, unchanged. The peak resident memory of a run is that much lower.
 *
 * Where transparent huge pages are off, or a call fails, the memory stays as it was. */
#if defined(__linux__)
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* __bss_start and _end are defined by the GNU, gold and LLVM linkers around the zero-filled data of the executable:
 * .bss and the .hydrated section after it. Weak: a linker that does not define them leaves them null. */
extern char __bss_start[] __attribute__((weak));
extern char _end[] __attribute__((weak));

/* The Native AOT runtime's module list: section "__modules" holds a pointer to each module's ReadyToRun header, found
 * through the linker's __start_/__stop_ symbols of the section, as the runtime's own bootstrap finds it
 * (https://github.com/dotnet/runtime/blob/main/src/coreclr/nativeaot/Bootstrap/main.cpp). */
extern void *__start___modules[] __attribute__((weak));
extern void *__stop___modules[] __attribute__((weak));

/* The header and its section rows, as the runtime lays them out (ReadyToRunHeader in
 * src/coreclr/nativeaot/Runtime/inc/ModuleHeaders.h, TypeManager::ModuleInfoRow in src/coreclr/nativeaot/Runtime/TypeManager.h);
 * the section ids are ReadyToRunSectionType
 * (https://github.com/dotnet/runtime/blob/main/src/coreclr/tools/Common/Internal/Runtime/ModuleHeaders.cs). */
#define RTR_SIGNATURE 0x00525452u /* 'RTR' */
#define RTR_SECTION_DEHYDRATED_DATA 207
#define RTR_ROW_HAS_END_POINTER 0x1

struct rtr_header
{
    uint32_t signature;
    uint16_t major_version;
    uint16_t minor_version;
    uint32_t flags;
    uint16_t number_of_sections;
    uint8_t entry_size;
    uint8_t entry_type;
};

struct rtr_row
{
    int32_t section_id;
    int32_t flags;
    const void *start;
    const void *end;
};

static uintptr_t page_size_or_zero(void)
{
    long size = sysconf(_SC_PAGESIZE);
    return size > 0 ? (uintptr_t)size : 0;
}

__attribute__((constructor))
static void kalc_iac_advise_hugepages_for_data(void)
{
#ifdef MADV_HUGEPAGE
    uintptr_t page = page_size_or_zero();
    if (page == 0 || __bss_start == 0 || _end == 0) return;
    /* The first, partial page of .bss shares its page with the end of .data: start at the next whole page. */
    uintptr_t start = ((uintptr_t)__bss_start + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)_end + page - 1) & ~(page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#endif
}

/* Drops the resident pages of every module's dehydrated data, the whole pages inside it (the pages at its ends are
 * shared with other read-only data). Returns the bytes released: 0 when the module list or the section is not found,
 * or madvise fails. Call it after the runtime has started, never before. */
long kalc_iac_release_dehydrated_data(void)
{
    uintptr_t page = page_size_or_zero();
    long released = 0;
    if (page == 0 || __start___modules == 0 || __stop___modules == 0) return 0;
    for (void **module = __start___modules; module < __stop___modules; module++)
    {
        const struct rtr_header *header = (const struct rtr_header *)*module;
        if (header == 0 || header->signature != RTR_SIGNATURE || header->entry_size < sizeof(struct rtr_row)) continue;
        const unsigned char *rows = (const unsigned char *)(header + 1);
        for (uint16_t i = 0; i < header->number_of_sections; i++)
        {
            const struct rtr_row *row = (const struct rtr_row *)(rows + (size_t)i * header->entry_size);
            if (row->section_id != RTR_SECTION_DEHYDRATED_DATA || !(row->flags & RTR_ROW_HAS_END_POINTER)) continue;
            uintptr_t start = ((uintptr_t)row->start + page - 1) & ~(page - 1);
            uintptr_t end = (uintptr_t)row->end & ~(page - 1);
            if (end > start && madvise((void *)start, end - start, MADV_DONTNEED) == 0) released += (long)(end - start);
        }
    }
    return released;
}
#endif
