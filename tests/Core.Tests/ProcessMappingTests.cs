namespace Kalc.Iac.Core.Tests;

/// <summary>/proc/self/maps as Linux prints it (proc_pid_maps(5)); the excerpt is of the AOT binary on the bench plan,
/// its GC heap committed by a no-GC region (the two large rw-p mappings).</summary>
public class ProcessMappingTests
{
    private const string Maps = """
        5595dd12a000-5595dd218000 rw-p 037a2000 fe:00 5407523                    /work/main/bench/out/kalc-iac/kalc-iac
        5595dd218000-5595deb2a000 rw-p 00000000 00:00 0 
        5595f6923000-5595f6944000 rw-p 00000000 00:00 0                          [heap]
        7fbbced06000-7fbbcf000000 ---p 00000000 00:00 0 
        7fbbcf000000-7fbbcf0d1000 rw-p 00000000 00:00 0 
        7fbbcf0d1000-7fbbd3c00000 ---p 00000000 00:00 0 
        7fbbd3c00000-7fbbf5bfd000 rw-p 00000000 00:00 0 
        7fbbf5bfd000-7fbbf5c00000 ---p 00000000 00:00 0 
        7fbbf5c00000-7fbc17fbe000 rw-p 00000000 00:00 0 
        7fbc17fbe000-7fc79415a000 ---p 00000000 00:00 0 
        7fc794c21000-7fc794c28000 rw-p 00000000 00:00 0 
        7fc794c34000-7fc794c35000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
        7ffd8e3eb000-7ffd8e40c000 rw-p 00000000 00:00 0                          [stack]
        """;

    [Fact]
    public void The_run_around_a_heap_address_spans_its_committed_and_reserved_mappings_side_by_side()
    {
        var run = ProcessMapping.AnonymousRunAround(Maps, 0x7fbbd3c00010);

        Assert.Equal((0x7fbbced06000UL, 0x7fc79415a000UL), run);
    }

    [Fact]
    public void The_run_ends_at_a_gap_and_at_a_mapping_of_a_file_or_a_named_one()
    {
        Assert.Equal((0x5595dd218000UL, 0x5595deb2a000UL), ProcessMapping.AnonymousRunAround(Maps, 0x5595dd218000));
        Assert.Equal((0x7fc794c21000UL, 0x7fc794c28000UL), ProcessMapping.AnonymousRunAround(Maps, 0x7fc794c27fff));
    }

    [Fact]
    public void An_address_in_a_file_a_named_mapping_or_no_mapping_has_no_run()
    {
        Assert.Null(ProcessMapping.AnonymousRunAround(Maps, 0x5595dd12a000));
        Assert.Null(ProcessMapping.AnonymousRunAround(Maps, 0x5595f6923000));
        Assert.Null(ProcessMapping.AnonymousRunAround(Maps, 0x7ffd8e3eb100));
        Assert.Null(ProcessMapping.AnonymousRunAround(Maps, 0x7fc794c28000));
        Assert.Null(ProcessMapping.AnonymousRunAround(Maps, 0x1000));
    }

    [Fact]
    public void A_line_is_read_with_a_path_that_has_spaces_and_a_malformed_line_is_none()
    {
        var m = ProcessMapping.Parse("7f0000000000-7f0000001000 rw-s 00000000 00:05 1234   /dev/shm/a b (deleted)");

        Assert.Equal(new ProcessMapping(0x7f0000000000, 0x7f0000001000, "rw-s", "/dev/shm/a b (deleted)"), m);
        Assert.False(m!.Value.IsAnonymousPrivate);
        Assert.Null(ProcessMapping.Parse("not a mapping"));
        Assert.Null(ProcessMapping.Parse("7f0000001000-7f0000000000 rw-p 00000000 00:00 0"));
        Assert.Null(ProcessMapping.Parse("zz-7f0000000000 rw-p 00000000 00:00 0"));
    }
}
