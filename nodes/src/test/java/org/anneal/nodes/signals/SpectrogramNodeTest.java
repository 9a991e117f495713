package org.anneal.nodes.signals;

import static org.anneal.nodes.signals.SignalNodesTest.run;
import static org.anneal.nodes.signals.SignalNodesTest.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ConfigError;
import org.junit.jupiter.api.Test;

/** The spectrogram of a signal whose tone changes half-way, with amplitudes and axes worked by hand. */
class SpectrogramNodeTest {
    /** 256 samples at 100 Hz: 12.5 Hz with amplitude 2 for the first 128, then 25 Hz with amplitude 1. */
    private static Table twoTones() {
        float[] y = new float[256];
        for (int i = 0; i < y.length; i++) {
            double t = i * 0.01;
            y[i] = (float) (i < 128 ? 2 * Math.sin(2 * Math.PI * 12.5 * t) : Math.sin(2 * Math.PI * 25 * t) + 5);
        }
        return signal(y, 256, 0.01);
    }

    private static float at(TensorColumn s, int frame, int bin) {
        int bins = s.shape().axis(1).size();
        return s.values()[frame * bins + bin];
    }

    @Test
    void eachFrameShowsTheToneItHoldsAtItsAmplitude() throws Exception {
        var p = new SpectrogramNode.Params("signal", 1, 64, 32, SpectrogramNode.Taper.RECTANGULAR, "spectrogram");
        TensorColumn s = (TensorColumn) run(new SpectrogramNode(), "table", twoTones(), p).column("spectrogram").orElseThrow();
        // frames of 64 from 0, 32, …, 192: 7 frames; bins 0 … 32 of 100/64 = 1.5625 Hz
        assertEquals(7, s.shape().axis(0).size());
        assertEquals(33, s.shape().axis(1).size());
        assertEquals(1.5625, s.shape().axis(1).step(), 1e-12);
        assertEquals("Hz", s.shape().axis(1).unit());
        assertEquals(0.315, s.shape().axis(0).start(), 1e-12, "centre of the first frame: 31.5 samples of 0.01 s");
        assertEquals(0.32, s.shape().axis(0).step(), 1e-12);
        for (int f : new int[] {0, 1, 2}) { // wholly in the first half: 12.5 Hz is bin 8
            assertEquals(2, at(s, f, 8), 1e-4);
            assertEquals(0, at(s, f, 16), 1e-4);
        }
        for (int f : new int[] {4, 5, 6}) { // wholly in the second half: 25 Hz is bin 16, the offset 5 removed with the mean
            assertEquals(1, at(s, f, 16), 1e-4);
            assertEquals(0, at(s, f, 8), 1e-4);
            assertEquals(0, at(s, f, 0), 1e-4);
        }
    }

    @Test
    void aHannTaperKeepsTheAmplitudeAndSpreadsItOverTheNeighbours() throws Exception {
        var p = new SpectrogramNode.Params("signal", 1, 64, 32, SpectrogramNode.Taper.HANN, "spectrogram");
        TensorColumn s = (TensorColumn) run(new SpectrogramNode(), "table", twoTones(), p).column("spectrogram").orElseThrow();
        assertEquals(2, at(s, 1, 8), 1e-4);
        assertEquals(1, at(s, 1, 7), 1e-4);
        assertEquals(1, at(s, 1, 9), 1e-4);
        assertEquals(0, at(s, 1, 11), 1e-4);
    }

    @Test
    void framesLongerThanTheSignalOrAMissingChannelAreLocatedErrors() {
        Table t = twoTones();
        ConfigError frame = assertThrows(ConfigError.class, () -> run(new SpectrogramNode(), "table", t,
                new SpectrogramNode.Params("signal", 1, 512, 32, SpectrogramNode.Taper.HANN, "spectrogram")));
        assertEquals("frame", frame.param());
        ConfigError channel = assertThrows(ConfigError.class, () -> run(new SpectrogramNode(), "table", t,
                new SpectrogramNode.Params("signal", 2, 64, 32, SpectrogramNode.Taper.HANN, "spectrogram")));
        assertEquals("channel", channel.param());
        ConfigError name = assertThrows(ConfigError.class, () -> run(new SpectrogramNode(), "table", t,
                new SpectrogramNode.Params("signal", 1, 64, 32, SpectrogramNode.Taper.HANN, "signal")));
        assertEquals("output", name.param());
    }
}
