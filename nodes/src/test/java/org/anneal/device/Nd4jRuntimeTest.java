package org.anneal.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jRuntimeTest {
    @Test
    void theLoadedRuntimeSaysWhatActuallyRuns() {
        assertEquals("CpuBackend", Nd4jRuntime.backend());
        NativeRuntime r = Nd4jRuntime.loadedRuntime();
        assertNotNull(r);
        assertEquals("cpu", r.device());
        assertEquals("1.0.0-M2.1", r.nd4jVersion());
        assertEquals(NativeThreads.count(), r.threads());
        assertEquals(NativeThreads.count(), Nd4j.getEnvironment().maxThreads(), "OpenMP threads fixed at load");
        assertEquals(NativeThreads.count(), Nd4j.factory().blas().getMaxThreads(), "BLAS threads fixed at load");
        assertEquals("float32", r.dataType());
        assertTrue(r.binaryLevel().matches("generic|x86-64|avx2|avx512"), r.binaryLevel());
        assertEquals("OPENBLAS", r.blas());
        assertTrue(r.describe().startsWith("CPU · ND4J 1.0.0-M2.1 CpuBackend"), r.describe());
        assertEquals(NativeThreads.count(), r.fields().get("nativeThreads"));
    }

    @Test
    void shapeDescriptorsComeFromTheCacheAndEqualTheUncachedOnes() {
        Nd4jRuntime.backend();
        assertInstanceOf(CachedShapeInfo.class, Nd4j.getShapeInfoProvider());
        assertTrue(Nd4jRuntime.loadedRuntime().shapeCache());
        CachedShapeInfo cached = new CachedShapeInfo();
        DirectShapeInfoProvider plain = new DirectShapeInfoProvider();
        long[][] shapes = {{64, 20}, {20, 64}, {3, 1, 8, 8}, {7}};
        for (long[] shape : shapes) {
            for (char order : new char[] {'c', 'f'}) {
                long[] stride = order == 'c' ? org.nd4j.common.util.ArrayUtil.calcStrides(shape)
                        : org.nd4j.common.util.ArrayUtil.calcStridesFortran(shape);
                for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT}) {
                    long[] expected = plain.createShapeInformation(shape, stride, 1, order, t, false).getSecond();
                    var first = cached.createShapeInformation(shape, stride, 1, order, t, false);
                    assertArrayEquals(expected, first.getSecond(), java.util.Arrays.toString(shape) + " " + order + " " + t);
                    assertTrue(first.getFirst() == cached.createShapeInformation(shape.clone(), stride.clone(), 1, order, t, false).getFirst(),
                            "the second request is served from the cache");
                }
            }
        }
        assertArrayEquals(plain.createShapeInformation(new long[] {0, 3}, new long[] {3, 1}, 1, 'c', DataType.FLOAT, true).getSecond(),
                cached.createShapeInformation(new long[] {0, 3}, new long[] {3, 1}, 1, 'c', DataType.FLOAT, true).getSecond(), "empty arrays");
    }

    @Test
    void javaCppsPerAllocationResidentMemoryCheckIsOffUnlessAUserSetIt() {
        Nd4jRuntime.backend();
        assertEquals("0", System.getProperty(Nd4jRuntime.PHYSICAL_BYTES_PROPERTY));
    }

    @Test
    void aProcessNotStartedByTheLauncherSaysItsPoolDiffersFromTheCountAskedFor() {
        NativeRuntime r = new NativeRuntime("CpuBackend", "cpu", "1.0.0-M2.1", "x86-64", "avx512", "OPENBLAS", 2, 1, "float32", true);
        assertTrue(r.describe().contains("2 native threads (1 asked"), r.describe());
        assertEquals(1, r.fields().get("nativeThreadsAsked"));
        NativeRuntime same = new NativeRuntime("CpuBackend", "cpu", "1.0.0-M2.1", "x86-64", "avx512", "OPENBLAS", 1, 1, "float32", true);
        assertTrue(!same.fields().containsKey("nativeThreadsAsked") && !same.describe().contains("asked"), same.describe());
    }

    @Test
    void binaryLevelsHaveNames() {
        assertEquals("avx2", Nd4jRuntime.binaryLevel(2));
        assertEquals("level 9", Nd4jRuntime.binaryLevel(9));
        assertTrue(Nd4jRuntime.isCuda("JCublasBackend"));
    }
}
