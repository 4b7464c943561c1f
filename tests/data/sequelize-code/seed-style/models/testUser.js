const { Model, DataTypes } = require('sequelize');
const sequelize = require('../config/database');

class testUser extends Model {}

testUser.init({
  name: DataTypes.STRING,
  email: DataTypes.STRING,
}, { sequelize, modelName: 'testUser' });

module.exports = testUser;
