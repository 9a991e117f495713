package org.anneal.nn.dl4j;

import java.util.List;
import org.anneal.nn.pinn.OdeProblem;
import org.anneal.nn.pinn.PinnSetup;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of a PINN. One batch runs through the network per step: the collocation points followed by the
 * data points of an inverse problem; constant row weights
 * pick each loss term's rows, so the network is evaluated once rather than once per term (SameDiff's per-op cost,
 * not arithmetic, dominates at this size). Variables named "u" and "residual" give the solution and the equation's
 * residual at whatever column of τ is fed to the placeholder.
 */
record PinnGraph(SameDiff sd, INDArray batch, int collocation, List<String> lossNames, boolean inverse, double fixedRate) {
    static final String TAU = "tau";
    /** Each collocation row's weight in the physics loss, fed every step (see {@link PinnTrainer}); 0 on data rows. */
    static final String CAUSAL = "causalWeight";
    /** The residual made dimensionless, per row of the batch. */
    static final String SCALED = "scaledResidual";

    static PinnGraph build(PinnSetup s, long seed) {
        SameDiff sd = SameDiff.create();
        OdeProblem problem = s.problem();
        OdeProblem.Coefficients c = s.coefficients();
        double scale = problem.scale(c, s.domain());
        double span = s.span();
        double u0 = s.domain().u0();
        double v0 = s.domain().v0();
        boolean second = problem.order() == 2;
        TangentMlp net = new TangentMlp(sd, s.hidden(), seed);

        SDVariable tau = sd.placeHolder(TAU, DataType.FLOAT, -1, 1);
        SDVariable rate = s.inverse()
                ? sd.math.exp(sd.var("logRate", Nd4j.scalar(DataType.FLOAT, (float) Math.log(c.rate())))) // positive by construction
                : sd.constant("rate", Nd4j.scalar(DataType.FLOAT, (float) c.rate()));
        TangentMlp.Jet jet = net.forward(sd, tau, second);
        SDVariable n = jet.value();
        SDVariable n1 = jet.d1();
        // the trial solution holds the initial condition exactly, σ = (t − t0)/(t1 − t0) = (τ + 1)/2, dσ/dτ = ½:
        //   first order  u = u0 + scale·σ·N             du/dτ = scale·(N/2 + σ·N')
        //   oscillator   u = u0 + v0·T·σ + scale·σ²·N   du/dτ = v0·T/2 + scale·(σ·N + σ²·N')
        //                                               d²u/dτ² = scale·(N/2 + 2σ·N' + σ²·N'')
        SDVariable sigma = tau.add(1.0).mul(0.5);
        SDVariable u;
        SDVariable duTau;
        SDVariable d2uTau = null;
        if (second) {
            SDVariable sigma2 = sigma.mul(sigma);
            u = sigma2.mul(n).mul(scale).add(sigma.mul(v0 * span)).add(u0);
            duTau = sigma.mul(n).add(sigma2.mul(n1)).mul(scale).add(v0 * span / 2);
            d2uTau = n.mul(0.5).add(sigma.mul(n1).mul(2.0)).add(sigma2.mul(jet.d2())).mul(scale);
        } else {
            u = sigma.mul(n).mul(scale).add(u0);
            duTau = n.mul(0.5).add(sigma.mul(n1)).mul(scale);
        }
        u.rename("u");
        // the change of variable t → τ: du/dt = du/dτ·dτ/dt and d²u/dt² = d²u/dτ²·(dτ/dt)², with dτ/dt = 2/(t1 − t0)
        double dTau = 2 / span;
        SDVariable du = duTau.mul(dTau);
        SDVariable d2u = second ? d2uTau.mul(dTau * dTau) : null;
        SDVariable time = tau.mul(span / 2).add(s.domain().t0() + span / 2);
        SDVariable residual = residual(sd, problem, c, rate, time, u, du, d2u).rename("residual");

        int points = s.collocation();
        int m = s.inverse() ? s.dataT().length : 0;
        double[] x = new double[points + m];
        double[] dataRows = new double[points + m];
        double[] target = new double[points + m];
        for (int i = 0; i < points; i++) {
            x[i] = -1 + 2.0 * i / (points - 1);
        }
        for (int j = 0; j < m; j++) {
            x[points + j] = s.tau(s.dataT()[j]);
            dataRows[points + j] = 1.0 / (m * scale * scale);
            target[points + j] = s.dataU()[j];
        }
        // dimensionless residual: divided by scale·rate^order (the size of du/dt or d²u/dt² where the solution changes),
        // so the loss starts of order 1 whatever the units and the length of the domain
        SDVariable scaled = residual.div(scale * Math.pow(c.rate(), problem.order())).rename(SCALED);
        SDVariable physics = sd.math.square(scaled).mul(sd.placeHolder(CAUSAL, DataType.FLOAT, points + m, 1)).sum().rename("physics");
        if (s.inverse()) {
            SDVariable data = sd.math.square(u.sub(constant(sd, target))).mul(constant(sd, dataRows)).sum().rename("data");
            sd.setLossVariables(physics, data);
        } else {
            sd.setLossVariables(physics);
        }
        List<String> losses = s.inverse() ? List.of("physics", "data") : List.of("physics");
        return new PinnGraph(sd, column(x), points, losses, s.inverse(), c.rate());
    }

    /** The equation's residual in physical units: zero where the network solves it. */
    private static SDVariable residual(SameDiff sd, OdeProblem problem, OdeProblem.Coefficients c, SDVariable rate, SDVariable time,
                                       SDVariable u, SDVariable du, SDVariable d2u) {
        return switch (problem) {
            case EXPONENTIAL_DECAY -> du.add(u.mul(rate));
            case LOGISTIC_GROWTH -> du.sub(u.mul(rate).mul(u.div(c.second()).rsub(1.0)));
            case NEWTON_COOLING -> du.add(u.sub(c.second()).mul(rate));
            case DAMPED_OSCILLATOR -> d2u.add(du.mul(rate).mul(2 * c.second())).add(u.mul(rate.mul(rate)));
            // n·kⁿ·tⁿ⁻¹·(1 − X); tⁿ⁻¹ depends on the input only, so no gradient flows through it
            case JMAK -> du.sub(sd.math.pow(rate, c.second()).mul(c.second()).mul(sd.math.pow(time, c.second() - 1)).mul(u.rsub(1.0)));
        };
    }

    /** The rate now: the trainable one of an inverse problem, else the fixed one. */
    double rate() {
        return inverse ? Math.exp(sd.getVariable("logRate").getArr().getDouble(0)) : fixedRate;
    }

    private static SDVariable constant(SameDiff sd, double[] v) {
        return sd.constant(column(v));
    }

    static INDArray column(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Nd4j.create(f, new long[] {v.length, 1}, 'c');
    }
}
