"""Airflow DAG: a nightly packed GFlowNet sweep submitted with SparkSubmitOperator.

Needs apache-airflow-providers-apache-spark and a Spark connection `spark_default` pointing at
the cluster (YARN, Kubernetes or standalone). The shaded jar comes from `deploy/gfn app-jar`.
Rerunning a failed DAG run with the same --out skips trials that already finished.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

GFN = "/opt/gfn"

with DAG(
    dag_id="gfn_nightly_sweep",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["gflownet"],
) as dag:
    SparkSubmitOperator(
        task_id="hypergrid_objectives",
        conn_id="spark_default",
        application=f"{GFN}/spark-jobs/target/gfn-spark-jobs-0.1.0-SNAPSHOT-app.jar",
        java_class="org.gfn.spark.sweep.SweepJob",
        application_args=[
            f"{GFN}/conf/sweeps/hypergrid-objectives.conf",
            "--out", "/shared/sweeps/nightly-{{ ds_nodash }}",
        ],
        conf={
            "spark.executorEnv.OMP_NUM_THREADS": "1",
            "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
        },
        num_executors=16,
        executor_cores=1,
        executor_memory="2g",
    )
