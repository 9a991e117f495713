package org.anneal.nodes.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel size a microscope wrote into a TIFF, read from the first image directory through TwelveMonkeys' TIFF
 * metadata reader (the JDK's reader drops the private tags). Three writers are understood, as HyperSpy reads them:
 * <ul>
 * <li>Zeiss SEM, tag 34118 {@code CZ_SEM}: the "Image Pixel Size" line when present; else the fourth value of the
 * undescribed block at its head (metres), which Zeiss ties to a 1024-pixel-wide display, times 1024 / image width;</li>
 * <li>FEI/Thermo SEM, tag 34682 (or 34680): the INI text's {@code [Scan] PixelWidth} in metres;</li>
 * <li>ImageJ: an ImageDescription starting {@code ImageJ=} with {@code unit=} and XResolution (pixels per unit).</li>
 * </ul>
 * Ordinary TIFF resolution (dots per inch from scanners and screenshots) is not taken for a scale.
 */
final class TiffCalibration {
    static final int CZ_SEM = 34118;
    static final int FEI_SFEG = 34680;
    static final int FEI_HELIOS = 34682;
    static final int IMAGE_DESCRIPTION = 270;
    static final int IMAGE_WIDTH = 256;
    static final int X_RESOLUTION = 282;

    /** A pixel size in µm per pixel and its source; {@code um} NaN when the file carries none. */
    record PixelSize(double um, String source, int width) {
        static PixelSize unknown(int width) {
            return new PixelSize(Double.NaN, "", width);
        }

        boolean known() {
            return !Double.isNaN(um);
        }
    }

    private static final Pattern ZEISS_IMAGE_PIXEL = Pattern.compile("Image Pixel Size = ([-+0-9.eE]+) ?(\\S*)");
    private static final Pattern FEI_SCAN_WIDTH = Pattern.compile("(?s)\\[Scan\\][^\\[]*?PixelWidth=([-+0-9.eE]+)");
    private static final Pattern IMAGEJ_UNIT = Pattern.compile("(?m)^unit=(.*)$");

    private TiffCalibration() {
    }

    /** The file's calibration; unknown for a TIFF without one; an IOException when the file is no readable TIFF. */
    static PixelSize read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot be opened");
            }
            Directory all = new TIFFReader().read(in);
            Directory ifd = all instanceof CompoundDirectory c && c.directoryCount() > 0 ? c.getDirectory(0) : all;
            int width = number(ifd.getEntryById(IMAGE_WIDTH)).intValue();
            return of(ifd, width);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private static PixelSize of(Directory ifd, int width) {
        String zeiss = text(ifd.getEntryById(CZ_SEM));
        if (zeiss != null) {
            double um = zeiss(zeiss, width);
            return Double.isNaN(um) ? PixelSize.unknown(width) : new PixelSize(um, "Zeiss CZ_SEM tag", width);
        }
        String fei = text(ifd.getEntryById(FEI_HELIOS));
        fei = fei == null ? text(ifd.getEntryById(FEI_SFEG)) : fei;
        if (fei != null) {
            Matcher m = FEI_SCAN_WIDTH.matcher(fei);
            double metres = m.find() ? parse(m.group(1)) : Double.NaN;
            return metres > 0 ? new PixelSize(metres * 1e6, "FEI [Scan] PixelWidth", width) : PixelSize.unknown(width);
        }
        String description = text(ifd.getEntryById(IMAGE_DESCRIPTION));
        Entry xres = ifd.getEntryById(X_RESOLUTION);
        if (description != null && description.startsWith("ImageJ=") && xres != null) {
            Matcher m = IMAGEJ_UNIT.matcher(description);
            double perUnit = m.find() ? micronsPer(m.group(1).trim()) : Double.NaN;
            double pixelsPerUnit = number(xres).doubleValue();
            if (perUnit > 0 && pixelsPerUnit > 0) {
                return new PixelSize(perUnit / pixelsPerUnit, "ImageJ calibration", width);
            }
        }
        return PixelSize.unknown(width);
    }

    /** Zeiss: the stated image pixel size, else the head block's display pixel size scaled to the stored width. */
    static double zeiss(String tag, int width) {
        Matcher m = ZEISS_IMAGE_PIXEL.matcher(tag);
        if (m.find()) {
            double perUnit = micronsPer(m.group(2));
            double v = parse(m.group(1));
            if (perUnit > 0 && v > 0) {
                return v * perUnit;
            }
        }
        String[] lines = tag.split("\r?\n");
        if (lines.length > 3 && width > 0) {
            double metres = parse(lines[3].trim());
            if (metres > 0) {
                return metres * 1e6 * 1024.0 / width;
            }
        }
        return Double.NaN;
    }

    /** Micrometres in one of the named unit; NaN for a unit that is not a length (ImageJ's "pixel", say). */
    static double micronsPer(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "µm", "μm", "um", "micron", "microns", "\\u00b5m" -> 1;
            case "nm", "nanometer", "nanometre" -> 1e-3;
            case "pm" -> 1e-6;
            case "mm", "millimeter", "millimetre" -> 1e3;
            case "cm" -> 1e4;
            case "m", "meter", "metre" -> 1e6;
            case "inch", "in" -> 25400;
            default -> Double.NaN;
        };
    }

    private static String text(Entry e) {
        if (e == null) {
            return null;
        }
        Object v = e.getValue();
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof String[] parts) {
            return String.join("\n", parts);
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static Number number(Entry e) {
        if (e == null) {
            return 0;
        }
        Object v = e.getValue();
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Object[] a && a.length > 0 && a[0] instanceof Number n) {
            return n;
        }
        return 0;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
