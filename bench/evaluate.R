#!/usr/bin/env Rscript
# The evaluation of docs/evaluation.md in R, as an independent check of `medspiller evaluate`
# and a speed reference for bench/evaluate.ts. Prints the same JSON object.
#
#   Rscript bench/evaluate.R citizens.csv weekly.csv TREATMENT CONTROL
#
# Packages: data.table, survival, jsonlite. HC2 is computed from its definition (as
# estimatr::lm_robust does, with leverage-1 observations contributing nothing) so that no
# further package is needed; sandwich::vcovHC(type = "HC2") gives the same where no h_ii = 1.
suppressPackageStartupMessages({
  library(data.table)
  library(survival)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: Rscript evaluate.R citizens.csv weekly.csv TREATMENT CONTROL")
treatment_arm <- args[3]
control_arm <- args[4]
z <- qnorm(0.975)

citizens <- fread(args[1], colClasses = list(character = c("citizen_id", "arm", "stratum")))
weekly <- fread(args[2], colClasses = list(character = c("citizen_id", "status"), integer = "week"))

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
follow_up <- max(per_citizen$L)

d <- merge(citizens[arm %chin% c(treatment_arm, control_arm)], per_citizen, by = "citizen_id")
d[, treat := as.integer(arm == treatment_arm)]
d[, time := ifelse(is.na(first_job), L, first_job)]
d[, event := as.integer(!is.na(first_job))]
is_t <- d$treat == 1
is_c <- d$treat == 0

wilson <- function(x, n) {
  p <- x / n
  centre <- p + z^2 / (2 * n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c((centre - half), (centre + half)) / (1 + z^2 / n)
}

proportion_block <- function(y) {
  x1 <- sum(y[is_t]); n1 <- sum(is_t); x0 <- sum(y[is_c]); n0 <- sum(is_c)
  p1 <- x1 / n1; p0 <- x0 / n0; dif <- p1 - p0
  w1 <- wilson(x1, n1); w0 <- wilson(x0, n0)
  if (x1 == 0) w1[1] <- 0
  if (x1 == n1) w1[2] <- 1
  if (x0 == 0) w0[1] <- 0
  if (x0 == n0) w0[2] <- 1
  se <- sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
  list(
    treatment = p1, control = p0, difference = dif,
    ci95_newcombe = c(dif - sqrt((p1 - w1[1])^2 + (w0[2] - p0)^2), dif + sqrt((w1[2] - p1)^2 + (p0 - w0[1])^2)),
    ci95_wald = if (se > 0) c(dif - z * se, dif + z * se) else NULL
  )
}

# OLS of y on treatment + stratum fixed effects with HC2 standard errors.
hc2_treatment <- function(y) {
  X <- model.matrix(~ treat + factor(stratum), data = d)
  XtX_inv <- solve(crossprod(X))
  beta <- XtX_inv %*% crossprod(X, y)
  e <- as.vector(y - X %*% beta)
  h <- rowSums((X %*% XtX_inv) * X)
  omega <- ifelse(1 - h < 1e-10, 0, e^2 / (1 - h))
  V <- XtX_inv %*% crossprod(X * sqrt(omega)) %*% XtX_inv
  se <- sqrt(V[2, 2])
  df <- nrow(X) - ncol(X)
  est <- beta[2, 1]
  if (!(se > 1e-12 * max(abs(y)))) return(list(est = est, ci = NULL, p = NULL))
  list(est = est, ci = est + c(-1, 1) * qt(0.975, df) * se, p = 2 * pt(abs(est / se), df, lower.tail = FALSE))
}

mean_block <- function(y) {
  yt <- y[is_t]; yc <- y[is_c]
  welch <- if (var(yt) + var(yc) > 0) t.test(yt, yc) else NULL
  adjusted <- hc2_treatment(y)
  list(
    treatment = mean(yt), control = mean(yc), difference = mean(yt) - mean(yc),
    ci95_welch = if (is.null(welch)) NULL else as.vector(welch$conf.int),
    p_welch = if (is.null(welch)) NULL else welch$p.value,
    adjusted_difference = adjusted$est, ci95_adjusted = adjusted$ci, p_adjusted = adjusted$p
  )
}

km_figures <- function(group) {
  fit <- survfit(Surv(time, event) ~ 1, data = d[treat == group])
  below <- which(fit$surv <= 0.5 + 1e-9)
  inside <- fit$time < follow_up
  steps <- c(0, fit$time[inside], follow_up)
  list(
    fit = fit,
    median = if (length(below) == 0) NULL else fit$time[below[1]],
    rmst = sum(diff(steps) * c(1, fit$surv[inside]))
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
    cox <- coxph(Surv(time, event) ~ treat, data = d, ties = "efron")
    b <- unname(coef(cox)); se <- sqrt(vcov(cox)[1, 1])
    hr <- exp(b); ci <- exp(b + c(-1, 1) * z * se)
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
