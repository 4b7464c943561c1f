'use strict';
// The define style, with associate as a property and what a design cannot hold: VIRTUAL, hooks, a scope.
module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', {
    title: { type: DataTypes.STRING, allowNull: false, validate: { len: [1, 200] } },
    body: DataTypes.TEXT,
    price: DataTypes.DECIMAL(10, 2),
    publishedAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
    slug: {
      type: DataTypes.VIRTUAL,
      get() {
        return this.title.toLowerCase();
      },
    },
    authorId: { type: DataTypes.INTEGER, allowNull: false },
  }, {
    paranoid: true,
    hooks: { beforeValidate(post) { post.title = post.title.trim(); } },
    scopes: { published: { where: { } } },
  });
  Post.associate = (models) => {
    Post.belongsTo(models.User, { as: 'author', foreignKey: 'authorId', onDelete: 'cascade' });
  };
  return Post;
};
