package org.anneal.nodes.model;

/**
 * Binary Gaussian-process classification by the Laplace approximation with the logistic likelihood, following Rasmussen
 * &amp; Williams (2006), algorithms 3.1 (the mode f̂ of the latent function by Newton's method, written with
 * B = I + W^½ K W^½ so that only a well-conditioned matrix is factorised) and 3.2 (predictive class probability).
 * Labels are t ∈ {0, 1}; the latent f has the GP prior with covariance {@code k} and P(t = 1 | f) = σ(f).
 *
 * @param x        training rows in the kernel's units
 * @param gradient ∇ log p(t | f̂) = t − σ(f̂): the predictive latent mean is k*ᵀ · gradient
 * @param sqrtW    W^½ at the mode, W = σ(f̂)(1 − σ(f̂))
 * @param b        the Cholesky factor of B at the mode
 * @param logEvidence the approximate log marginal likelihood log q(t | X), used to choose the hyperparameters
 */
record LaplaceGp(double[][] x, double[] gradient, double[] sqrtW, DenseCholesky b, double logEvidence, Covariance covariance) {

    /** The prior covariance: signal variance times a unit RBF or Matérn-5/2 kernel of the given length scale. */
    record Covariance(GaussianProcessLearner.Kernel kind, double lengthScale, double signal) {
        double at(double squaredDistance) {
            return signal * GaussianProcessLearner.kernel(kind, squaredDistance, lengthScale);
        }

        double[][] matrix(double[][] d2) {
            double[][] k = new double[d2.length][d2[0].length];
            for (int i = 0; i < d2.length; i++) {
                for (int j = 0; j < d2[i].length; j++) {
                    k[i][j] = at(d2[i][j]);
                }
            }
            return k;
        }
    }

    private static final int MAX_NEWTON = 100;

    /** The Laplace fit for labels {@code t} (0/1) given the training rows' squared distances; null if B could not be factorised. */
    static LaplaceGp fit(double[][] x, double[][] d2, double[] t, Covariance cov) {
        int n = t.length;
        double[][] k = cov.matrix(d2);
        double[] f = new double[n];
        double[] a = new double[n];
        double objective = objective(a, f, t);
        for (int iter = 0; iter < MAX_NEWTON; iter++) {
            double[] w = new double[n];
            double[] sw = new double[n];
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(f[i]);
                w[i] = p * (1 - p);
                sw[i] = Math.sqrt(w[i]);
                rhs[i] = w[i] * f[i] + (t[i] - p);
            }
            DenseCholesky l = DenseCholesky.of(bMatrix(k, sw));
            if (l == null) {
                return null;
            }
            double[] kb = times(k, rhs);
            for (int i = 0; i < n; i++) {
                kb[i] *= sw[i];
            }
            double[] c = l.backward(l.forward(kb));
            double[] aNew = new double[n];
            for (int i = 0; i < n; i++) {
                aNew[i] = rhs[i] - sw[i] * c[i];
            }
            // a full Newton step can overshoot on separable data; halve it until the objective does not fall (as GPML does)
            double[] fNew = times(k, aNew);
            double objNew = objective(aNew, fNew, t);
            for (int h = 0; h < 10 && objNew < objective; h++) {
                for (int i = 0; i < n; i++) {
                    aNew[i] = (a[i] + aNew[i]) / 2;
                }
                fNew = times(k, aNew);
                objNew = objective(aNew, fNew, t);
            }
            boolean converged = Math.abs(objNew - objective) < 1e-10 * (1 + Math.abs(objective));
            a = aNew;
            f = fNew;
            objective = objNew;
            if (converged) {
                break;
            }
        }
        double[] sw = new double[n];
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            double p = sigmoid(f[i]);
            sw[i] = Math.sqrt(p * (1 - p));
            grad[i] = t[i] - p;
        }
        DenseCholesky l = DenseCholesky.of(bMatrix(k, sw));
        if (l == null) {
            return null;
        }
        // log q(t | X) = −½ aᵀf + Σ log p(tᵢ | fᵢ) − Σ log L_ii   (R&W eq. 3.32, algorithm 3.1 line 10)
        return new LaplaceGp(x, grad, sw, l, objective - l.halfLogDet(), cov);
    }

    /** Ψ(f) = −½ aᵀf + Σ log p(tᵢ | fᵢ), which Newton's method climbs. */
    private static double objective(double[] a, double[] f, double[] t) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += -0.5 * a[i] * f[i] + logSigmoid(t[i] > 0.5 ? f[i] : -f[i]);
        }
        return s;
    }

    /**
     * P(t = 1) for rows with squared distances {@code d2} to the training rows (algorithm 3.2): latent mean
     * f̄* = k*ᵀ(t − π̂), variance V = k** − vᵀv with v = L \ (W^½ k*), and the averaged sigmoid by MacKay's probit
     * approximation σ(f̄* / √(1 + πV/8)) in place of the numerical integral.
     */
    double[] probability(double[][] d2) {
        double[] out = new double[d2.length];
        double prior = covariance.at(0);
        for (int r = 0; r < d2.length; r++) {
            double[] ks = new double[gradient.length];
            double mean = 0;
            for (int i = 0; i < ks.length; i++) {
                double kv = covariance.at(d2[r][i]);
                mean += kv * gradient[i];
                ks[i] = sqrtW[i] * kv;
            }
            double[] v = b.forward(ks);
            double vv = 0;
            for (double e : v) {
                vv += e * e;
            }
            double variance = Math.max(0, prior - vv);
            out[r] = sigmoid(mean / Math.sqrt(1 + Math.PI * variance / 8));
        }
        return out;
    }

    private static double[][] bMatrix(double[][] k, double[] sw) {
        int n = sw.length;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = sw[i] * k[i][j] * sw[j] + (i == j ? 1 : 0);
            }
        }
        return b;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** log σ(z) without overflow. */
    static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }
}
