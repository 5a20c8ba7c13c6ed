CREATE USER reporter WITH PASSWORD = '${app.reporter-password}';
