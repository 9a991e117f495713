package org.anneal.nodes.spectra;

/**
 * One symmetry operation of a space group written as in International Tables vol. A, e.g. {@code -y,x-y,z+2/3}: each
 * coordinate is a signed sum of x, y, z and a fractional translation. Only the forms those tables use are read.
 */
record SymmetryOp(double[][] rotation, double[] translation) {

    static SymmetryOp parse(String text) {
        String[] parts = text.replace(" ", "").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a symmetry operation has three coordinates: " + text);
        }
        double[][] r = new double[3][3];
        double[] t = new double[3];
        for (int row = 0; row < 3; row++) {
            String p = parts[row];
            int i = 0;
            while (i < p.length()) {
                int sign = 1;
                if (p.charAt(i) == '+' || p.charAt(i) == '-') {
                    sign = p.charAt(i) == '-' ? -1 : 1;
                    i++;
                }
                char c = p.charAt(i);
                if (c >= 'x' && c <= 'z') {
                    r[row][c - 'x'] = sign;
                    i++;
                } else {
                    int end = i;
                    while (end < p.length() && (Character.isDigit(p.charAt(end)) || p.charAt(end) == '/')) {
                        end++;
                    }
                    String[] frac = p.substring(i, end).split("/");
                    t[row] = sign * Double.parseDouble(frac[0]) / (frac.length > 1 ? Double.parseDouble(frac[1]) : 1);
                    i = end;
                }
            }
        }
        return new SymmetryOp(r, t);
    }

    /** The image of a fractional position, brought back into [0, 1). */
    double[] apply(double[] xyz) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = translation[i];
            for (int j = 0; j < 3; j++) {
                v += rotation[i][j] * xyz[j];
            }
            out[i] = v - Math.floor(v);
        }
        return out;
    }
}
