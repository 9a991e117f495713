#!/usr/bin/env python3
"""Five noisy temperatures of a quenched part cooling in air (Newton's law), with known truth, for workflow 23.

T(t) = T_inf + (T0 - T_inf) * exp(-h * t), T0 = 850 degC, T_inf = 25 degC, h = 0.35 per minute; readings during the
first three minutes only (the thermocouple came off), with seeded Gaussian noise of 5 degC.
"""
import math
import random

random.seed(23)
T0, T_INF, H = 850.0, 25.0, 0.35
print("minutes,temperature_c")
for t in (0.5, 1.0, 1.5, 2.2, 3.0):
    print(f"{t},{T_INF + (T0 - T_INF) * math.exp(-H * t) + random.gauss(0, 5):.1f}")
