#!/usr/bin/env Rscript
# The evaluation of docs/evaluation.md in R, as an independent check of `medspiller evaluate`
# and a speed reference for bench/evaluate.ts. Prints the same JSON object on stdout and, on
# stderr, `r-seconds S` (from the first fread to the printed result, without R's start-up and
# package loading), `r-maxrss-kb K` (peak resident memory of the R process) and `cpu-seconds C`
# (user + system CPU time of the whole R process).
#
#   Rscript bench/evaluate.R citizens.csv weekly.csv TREATMENT CONTROL
#
# Packages: data.table, survival, sandwich, jsonlite. Each figure comes from the package that
# users would reach for: Wilson intervals from prop.test (no continuity correction), Welch from
# t.test, HC2 from sandwich::vcovHC, Kaplan–Meier, RMST, Cox (Efron ties) and the log-rank test
# from survival. Newcombe's method 10 and the Wald interval are a line each from their definition.
suppressPackageStartupMessages({
  library(data.table)
  library(survival)
  library(sandwich)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: Rscript evaluate.R citizens.csv weekly.csv TREATMENT CONTROL")
treatment_arm <- args[3]
control_arm <- args[4]
z <- qnorm(0.975)
started <- proc.time()[["elapsed"]]

citizens <- fread(args[1], encoding = "UTF-8", colClasses = list(character = c("citizen_id", "arm", "stratum")))
weekly <- fread(args[2], encoding = "UTF-8", colClasses = list(character = c("citizen_id", "status"), integer = "week"))

employed_status <- c("ordinary_job", "flexjob", "subsidised_hours")
active_status <- c("active_measure", "internship", "education")
weekly[, employed := status %chin% employed_status]
per_citizen <- weekly[, .(
  L = max(week),
  observed = .N,
  employed_weeks = sum(employed),
  active_weeks = sum(status %chin% active_status),
  internship_weeks = sum(status == "internship"),
  any_ordinary = any(status == "ordinary_job"),
  any_flexjob = any(status == "flexjob"),
  any_education = any(status == "education"),
  first_job = if (any(employed)) min(week[employed]) else NA_integer_
), by = citizen_id]
rm(weekly)
follow_up <- max(per_citizen$L)

d <- merge(citizens[arm %chin% c(treatment_arm, control_arm)], per_citizen, by = "citizen_id")
d[, treat := as.integer(arm == treatment_arm)]
d[, stratum_f := factor(stratum)]
d[, time := fifelse(is.na(first_job), L, first_job)]
d[, event := as.integer(!is.na(first_job))]
is_t <- d$treat == 1
is_c <- d$treat == 0

# Wilson score interval: prop.test without continuity correction reports exactly that.
wilson <- function(x, n) suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int[1:2])

proportion_block <- function(y) {
  x1 <- sum(y[is_t]); n1 <- sum(is_t); x0 <- sum(y[is_c]); n0 <- sum(is_c)
  p1 <- x1 / n1; p0 <- x0 / n0; dif <- p1 - p0
  w1 <- wilson(x1, n1); w0 <- wilson(x0, n0)
  se <- sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
  list(
    treatment = p1, control = p0, difference = dif,
    # Newcombe (1998) method 10.
    ci95_newcombe = c(dif - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2), dif + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2)),
    ci95_wald = if (se > 0) c(dif - z * se, dif + z * se) else NULL
  )
}

# HC2 as estimatr::lm_robust (2.0.0) computes it: an observation with leverage 1 (a stratum of
# one citizen) has residual 0 and h = 1, where sandwich's e^2 / (1 - h) is 0/0 or rounding
# noise over rounding noise; such observations contribute nothing. sandwich flags h above
# 1 - sqrt(eps) as unstable, the same cut is used here.
hc2_vcov <- function(fit) {
  h <- hatvalues(fit)
  lone <- h > 1 - sqrt(.Machine$double.eps)
  if (!any(lone)) return(vcovHC(fit, type = "HC2"))
  vcovHC(fit, omega = function(residuals, diaghat, df) ifelse(lone, 0, residuals^2 / (1 - diaghat)))
}

# OLS of y on treatment + stratum fixed effects; interval and p from t(n - k).
adjusted_block <- function(y) {
  fit <- lm(y ~ treat + stratum_f, data = d)
  est <- unname(coef(fit)["treat"])
  if (is.na(est)) return(list(est = NULL, ci = NULL, p = NULL))
  se <- sqrt(hc2_vcov(fit)["treat", "treat"])
  df <- fit$df.residual
  if (!(se > 1e-12 * max(abs(y))) || !(df > 0)) return(list(est = est, ci = NULL, p = NULL))
  list(est = est, ci = est + c(-1, 1) * qt(0.975, df) * se, p = 2 * pt(abs(est / se), df, lower.tail = FALSE))
}

mean_block <- function(y) {
  yt <- y[is_t]; yc <- y[is_c]
  welch <- if (var(yt) + var(yc) > 0) t.test(yt, yc, var.equal = FALSE) else NULL
  adjusted <- adjusted_block(y)
  list(
    treatment = mean(yt), control = mean(yc), difference = mean(yt) - mean(yc),
    ci95_welch = if (is.null(welch)) NULL else as.vector(welch$conf.int),
    p_welch = if (is.null(welch)) NULL else welch$p.value,
    adjusted_difference = adjusted$est, ci95_adjusted = adjusted$ci, p_adjusted = adjusted$p
  )
}

km_figures <- function(group) {
  fit <- survfit(Surv(time, event) ~ 1, data = d[treat == group])
  # The contract's median: the first time the curve is at or below one half (survival's own
  # median averages two times when the curve sits exactly at 0.5, which weeks make likely).
  below <- which(fit$surv <= 0.5 + 1e-9)
  list(
    fit = fit,
    median = if (length(below) == 0) NULL else fit$time[below[1]],
    rmst = unname(summary(fit, rmean = follow_up)$table[["rmean"]])
  )
}

survival_block <- function() {
  kt <- km_figures(1); kc <- km_figures(0)
  at <- unique(c(26, 52, follow_up))
  at <- at[at <= follow_up]
  incidence <- lapply(at, function(w) list(
    treatment = 1 - summary(kt$fit, times = w, extend = TRUE)$surv,
    control = 1 - summary(kc$fit, times = w, extend = TRUE)$surv
  ))
  names(incidence) <- as.character(at)
  both <- sum(d$event[is_t]) > 0 && sum(d$event[is_c]) > 0
  hr <- NULL; ci <- NULL; p <- NULL
  if (both) {
    cox <- summary(coxph(Surv(time, event) ~ treat, data = d, ties = "efron"))
    hr <- cox$conf.int[1, "exp(coef)"]
    ci <- unname(cox$conf.int[1, c("lower .95", "upper .95")])
    p <- pchisq(survdiff(Surv(time, event) ~ treat, data = d)$chisq, 1, lower.tail = FALSE)
  }
  list(
    median_weeks = list(treatment = kt$median, control = kc$median),
    cumulative_incidence = incidence,
    rmst_weeks = list(horizon = follow_up, treatment = kt$rmst, control = kc$rmst),
    hazard_ratio = hr, ci95 = ci, p_logrank = p
  )
}

baseline <- setdiff(names(citizens), c("citizen_id", "arm", "stratum"))
balance <- lapply(baseline, function(v) {
  x <- as.numeric(d[[v]])
  pooled <- sqrt((var(x[is_t]) + var(x[is_c])) / 2)
  list(variable = v, treatment_mean = mean(x[is_t]), control_mean = mean(x[is_c]),
       smd = if (pooled > 0) (mean(x[is_t]) - mean(x[is_c])) / pooled else NULL)
})
# JavaScript's default sort compares UTF-16 code units; for text without characters beyond
# U+FFFF that is the byte order of UTF-8, which radix sorting uses.
strata <- lapply(sort(unique(d$stratum), method = "radix"), function(s) {
  list(stratum = s, treatment = sum(d$stratum == s & is_t), control = sum(d$stratum == s & is_c))
})

result <- list(
  treatment = treatment_arm, control = control_arm,
  n = list(treatment = sum(is_t), control = sum(is_c)),
  weeks = follow_up,
  outcomes = list(
    ever_ordinary_job = proportion_block(as.integer(d$any_ordinary)),
    ever_flexjob = proportion_block(as.integer(d$any_flexjob)),
    ever_internship = proportion_block(as.integer(d$internship_weeks > 0)),
    ever_job_or_education = proportion_block(as.integer(d$employed_weeks > 0 | d$any_education)),
    zero_employment_degree = proportion_block(as.integer(d$employed_weeks == 0)),
    employment_degree = mean_block(d$employed_weeks / d$observed),
    active_share = mean_block(d$active_weeks / d$observed),
    internship_weeks = mean_block(as.numeric(d$internship_weeks)),
    time_to_first_job = survival_block()
  ),
  balance = balance,
  strata = strata
)
cat(toJSON(result, auto_unbox = TRUE, digits = NA, null = "null", na = "null"), "\n")

status <- readLines("/proc/self/status")
peak <- sub("^VmHWM:\\s*(\\d+).*$", "\\1", grep("^VmHWM:", status, value = TRUE))
clock <- proc.time()
cat(sprintf("r-seconds %.3f\nr-maxrss-kb %s\ncpu-seconds %.3f\n", clock[["elapsed"]] - started, peak,
            clock[["user.self"]] + clock[["sys.self"]]), file = stderr())
