package org.anneal.device;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;

/**
 * ND4J's CPU shape-descriptor cache, extended to the one overload it misses. ND4J 1.0.0-M2.1 caches shape descriptors
 * created with a data type, but every array and view built by {@code BaseNDArray}'s constructors asks for one "with a
 * data type and an empty flag", which goes past the cache to native code: a fresh native buffer and a JavaCPP memory
 * check for every reshape, view and temporary of every layer of every minibatch. Profiling a 20-64-32-1 MLP (JFR, see
 * bench/network-bench-*.txt) put a third of the training time there. Non-empty arrays now take the cached path,
 * which builds the identical descriptor once per (shape, strides, order, type); empty arrays keep the uncached one.
 * The values computed are untouched: only where the descriptor comes from changes.
 */
public final class CachedShapeInfo extends DirectShapeInfoProvider {
    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride, char order,
                                                           DataType dataType, boolean empty) {
        return empty ? super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, true)
                : createShapeInformation(shape, stride, elementWiseStride, order, dataType);
    }
}
