-- The CREATE TABLE statements Sequelize 6.37.8 emitted for the seed's sync({force:true}) (postgres), copied from
-- shared/reference/emitted-postgres.sql. tst_sequelize_runtime compares ModelDesk's DDL with them.
CREATE TABLE IF NOT EXISTS "testUsers" ("id"   SERIAL , "name" VARCHAR(255), "email" VARCHAR(255), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "tests" ("id"   SERIAL , "code" VARCHAR(255), "userId" INTEGER REFERENCES "testUsers" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("id"));
