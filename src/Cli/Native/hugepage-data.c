/* Linked into the Native AOT build on Linux (Cli.csproj, target AdviseHugePagesForData).
 *
 * At start-up, before Main, the Native AOT runtime rehydrates the binary's dehydrated data into its ".hydrated"
 * section, 25 MB of zero-filled memory after .bss. Writing it faults every 4 KiB page in, ~6,000 faults and about
 * 60 ms on a virtual machine: most of the binary's start-up (docs/performance.md). This constructor runs before the
 * runtime starts (it is in .init_array) and asks the kernel to back that memory with transparent huge pages,
 * madvise(2) MADV_HUGEPAGE: one fault per 2 MiB. Where transparent huge pages are off it changes nothing, and a
 * failure leaves the memory as it was.
 *
 * __bss_start and _end are defined by the GNU, gold and LLVM linkers around the zero-filled data of the executable:
 * .bss and the .hydrated section after it. */
#if defined(__linux__)
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* Weak: a linker that does not define them leaves them null, and the constructor does nothing. */
extern char __bss_start[] __attribute__((weak));
extern char _end[] __attribute__((weak));

__attribute__((constructor))
static void kalc_iac_advise_hugepages_for_data(void)
{
#ifdef MADV_HUGEPAGE
    long page_size = sysconf(_SC_PAGESIZE);
    if (page_size <= 0 || __bss_start == 0 || _end == 0) return;
    uintptr_t page = (uintptr_t)page_size;
    /* The first, partial page of .bss shares its page with the end of .data: start at the next whole page. */
    uintptr_t start = ((uintptr_t)__bss_start + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)_end + page - 1) & ~(page - 1);
    if (end > start) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#endif
}
#endif
